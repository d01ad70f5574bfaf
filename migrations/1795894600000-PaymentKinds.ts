import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The enum values payments need, added on their own: PostgreSQL lets a value added to an enum
 * be used only once the transaction that added it has committed, and the next migration uses
 * them. Parties gain the roles MONEY_BROKER (a hawaladar or money-transfer agent) and BUYER (who
 * bought equipment for crossings); payments become a kind of sighted record.
 */
export class PaymentKinds1795894600000 implements MigrationInterface {
  name = 'PaymentKinds1795894600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE supplier_role ADD VALUE IF NOT EXISTS 'MONEY_BROKER' BEFORE 'UNKNOWN'`);
    await q.query(`ALTER TYPE supplier_role ADD VALUE IF NOT EXISTS 'BUYER' BEFORE 'UNKNOWN'`);
    await q.query(`ALTER TYPE sighted_kind ADD VALUE IF NOT EXISTS 'PAYMENT'`);
  }

  public async down(): Promise<void> {
    // PostgreSQL cannot drop an enum value: the values stay, unused, and up adds them only if missing.
  }
}
