import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `clientKey` on every create (part of the public contract): unique per agency
 * and record type, so a retried create stores nothing twice, settled by the constraint even
 * for concurrent calls. A seizure has a second key, its reference: when an insert meets a
 * conflict, `seizure_client_key_taken` tells which one, including when the seizure that holds
 * the key is one the caller may not read (another officer's TLP_RED seizure of the same agency),
 * and it tells only that, only about the caller's own agency.
 */
export class ClientKeys1795894200000 implements MigrationInterface {
  name = 'ClientKeys1795894200000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['seizure', 'supplier', 'movement']) {
      await q.query(`ALTER TABLE "${table}" ADD "client_key" text`);
      await q.query(`ALTER TABLE "${table}" ADD CONSTRAINT "${table}_agency_client_key" UNIQUE ("agency_id", "client_key")`);
    }
    await q.query(`CREATE FUNCTION seizure_client_key_taken(key text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT EXISTS (SELECT 1 FROM seizure WHERE agency_id = app_agency() AND client_key = key)
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION seizure_client_key_taken(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION seizure_client_key_taken(text) TO registry_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION seizure_client_key_taken(text)`);
    for (const table of ['movement', 'supplier', 'seizure']) {
      await q.query(`ALTER TABLE "${table}" DROP CONSTRAINT "${table}_agency_client_key"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "client_key"`);
    }
  }
}
