import { MigrationInterface, QueryRunner } from 'typeorm';
import { nameFingerprint } from '../src/modules/supplier/supplier-name';

/**
 * What statistics read without reading every item:
 * - Each item keeps its make folded as supplier names are (`nameFingerprint`: case, diacritics,
 *   punctuation, legal forms, word order), so "VELMONT MARINE", "Velmont Marine" and "Velmont
 *   Marine Co., Ltd." group together; '' without a make. The fold lives in TypeScript: the
 *   recording service writes it, and the items already stored get theirs here.
 * - Each seizure keeps how many item lines it holds and their quantities added up, kept by a
 *   trigger on every insert into item, in the inserting transaction (items are never changed or
 *   removed on their own once recorded: the API has no such write), so counts by seizure-level
 *   dimensions read seizures only and stay exact under concurrent writes. The trigger runs with
 *   the inserting caller's rights, which may update that agency's own seizures.
 */
export class Statistics1795895100000 implements MigrationInterface {
  name = 'Statistics1795895100000';

  public async up(q: QueryRunner): Promise<void> {
    // Its backfill reads whole tables: not bound by the requests' statement timeout (each migration is its own transaction).
    await q.query('SET LOCAL statement_timeout = 0');
    await q.query(`ALTER TABLE item ADD COLUMN make_key text NOT NULL DEFAULT ''`);
    const makes: Array<{ make: string }> = await q.query(`SELECT DISTINCT make FROM item WHERE make IS NOT NULL`);
    if (makes.length > 0) {
      await q.query(
        `UPDATE item SET make_key = folded.key
           FROM unnest($1::text[], $2::text[]) AS folded(make, key)
          WHERE item.make = folded.make AND folded.key <> ''`,
        [makes.map((row) => row.make), makes.map((row) => nameFingerprint(row.make))],
      );
    }

    await q.query(`ALTER TABLE seizure ADD COLUMN item_count integer NOT NULL DEFAULT 0, ADD COLUMN item_quantity integer NOT NULL DEFAULT 0`);
    await q.query(`UPDATE seizure s SET item_count = counted.lines, item_quantity = counted.quantity
      FROM (SELECT seizure_id, count(*) AS lines, sum(quantity) AS quantity FROM item GROUP BY seizure_id) counted
     WHERE s.id = counted.seizure_id`);
    await q.query(`CREATE FUNCTION seizure_count_items() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE seizure s SET item_count = s.item_count + added.lines, item_quantity = s.item_quantity + added.quantity
          FROM (SELECT seizure_id, count(*) AS lines, sum(quantity) AS quantity FROM new_items GROUP BY seizure_id) added
         WHERE s.id = added.seizure_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER item_counted AFTER INSERT ON item REFERENCING NEW TABLE AS new_items
      FOR EACH STATEMENT EXECUTE FUNCTION seizure_count_items()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER item_counted ON item`);
    await q.query(`DROP FUNCTION seizure_count_items()`);
    await q.query(`ALTER TABLE seizure DROP COLUMN item_count, DROP COLUMN item_quantity`);
    await q.query(`ALTER TABLE item DROP COLUMN make_key`);
  }
}
