import { MigrationInterface, QueryRunner } from 'typeorm';
import { nameFingerprint } from '../src/modules/supplier/supplier-name';

/**
 * Each item keeps its make folded as supplier names are (`nameFingerprint`: case, diacritics,
 * punctuation, legal forms, word order), so statistics group "VELMONT MARINE", "Velmont Marine"
 * and "Velmont Marine Co., Ltd." together; '' for an item without a make. The fold is written by
 * the recording service (it lives in TypeScript); the items already stored get theirs here.
 */
export class ItemMakeKey1795895100000 implements MigrationInterface {
  name = 'ItemMakeKey1795895100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE item ADD COLUMN make_key text NOT NULL DEFAULT ''`);
    const makes: Array<{ make: string }> = await q.query(`SELECT DISTINCT make FROM item WHERE make IS NOT NULL`);
    if (makes.length === 0) return;
    await q.query(
      `UPDATE item SET make_key = folded.key
         FROM unnest($1::text[], $2::text[]) AS folded(make, key)
        WHERE item.make = folded.make AND folded.key <> ''`,
      [makes.map((row) => row.make), makes.map((row) => nameFingerprint(row.make))],
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE item DROP COLUMN make_key`);
  }
}
