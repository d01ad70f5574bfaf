import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adverts become a kind of sighted record, added on its own: PostgreSQL lets a value added to
 * an enum be used only once the transaction that added it has committed, and the next
 * migration uses it.
 */
export class AdvertKinds1795894900000 implements MigrationInterface {
  name = 'AdvertKinds1795894900000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE sighted_kind ADD VALUE IF NOT EXISTS 'ADVERT'`);
  }

  public async down(): Promise<void> {
    // PostgreSQL cannot drop an enum value: it stays, unused, and up adds it only if missing.
  }
}
