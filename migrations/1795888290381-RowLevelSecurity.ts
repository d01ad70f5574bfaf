import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The application's database role and the row-level security policies that back the
 * visibility rule of `src/auth/visibility.ts`. Requests run as `registry_app` (SET LOCAL ROLE)
 * with the caller in `app.agency` / `app.subject`; the owner (the connecting user) runs
 * migrations. The role is cluster-wide, so it is created only if missing and never dropped.
 */
export class RowLevelSecurity1795888290381 implements MigrationInterface {
  name = 'RowLevelSecurity1795888290381';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'registry_app') THEN CREATE ROLE registry_app NOLOGIN; END IF;
    END $$`);
    await q.query(`GRANT USAGE ON SCHEMA public TO registry_app`);
    await q.query(`GRANT SELECT, INSERT ON agency TO registry_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON seizure, item TO registry_app`);

    await q.query(`CREATE FUNCTION app_agency() RETURNS uuid LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.agency', true), '')::uuid $$`);
    await q.query(`CREATE FUNCTION app_subject() RETURNS text LANGUAGE sql STABLE
      AS $$ SELECT nullif(current_setting('app.subject', true), '') $$`);

    await q.query(`ALTER TABLE seizure ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE seizure FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY seizure_read ON seizure FOR SELECT TO registry_app USING (
      app_agency() IS NOT NULL AND (
        handling IN ('TLP_CLEAR', 'TLP_GREEN')
        OR (agency_id = app_agency() AND handling <> 'TLP_RED')
        OR (handling = 'TLP_AMBER' AND app_agency() = ANY (shared_with))
        OR (handling = 'TLP_RED' AND agency_id = app_agency() AND recorded_by = app_subject())))`);
    await q.query(`CREATE POLICY seizure_insert ON seizure FOR INSERT TO registry_app
      WITH CHECK (agency_id = app_agency() AND recorded_by = app_subject())`);
    await q.query(`CREATE POLICY seizure_update ON seizure FOR UPDATE TO registry_app
      USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency())`);

    // An item is readable exactly when its seizure is: the subquery is itself under seizure_read.
    await q.query(`ALTER TABLE item ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE item FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY item_read ON item FOR SELECT TO registry_app
      USING (EXISTS (SELECT 1 FROM seizure s WHERE s.id = item.seizure_id))`);
    await q.query(`CREATE POLICY item_insert ON item FOR INSERT TO registry_app
      WITH CHECK (agency_id = app_agency())`);
    await q.query(`CREATE POLICY item_update ON item FOR UPDATE TO registry_app
      USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency())`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [policy, table] of [
      ['item_update', 'item'], ['item_insert', 'item'], ['item_read', 'item'],
      ['seizure_update', 'seizure'], ['seizure_insert', 'seizure'], ['seizure_read', 'seizure'],
    ]) {
      await q.query(`DROP POLICY ${policy} ON ${table}`);
    }
    await q.query(`ALTER TABLE item NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE item DISABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE seizure NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE seizure DISABLE ROW LEVEL SECURITY`);
    await q.query(`DROP FUNCTION app_subject()`);
    await q.query(`DROP FUNCTION app_agency()`);
    await q.query(`REVOKE ALL ON seizure, item, agency FROM registry_app`);
    await q.query(`REVOKE USAGE ON SCHEMA public FROM registry_app`);
  }
}
