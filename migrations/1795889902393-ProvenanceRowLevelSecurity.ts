import { MigrationInterface, QueryRunner } from 'typeorm';

const OWNED = ['supplier', 'movement'] as const;
/** Rows that are readable exactly when the record they belong to is. */
const DEPENDENT = [
  { table: 'supplier_identifier', parent: 'supplier', key: 'supplier_id' },
  { table: 'movement_item', parent: 'movement', key: 'movement_id' },
  { table: 'route_leg', parent: 'seizure', key: 'seizure_id' },
] as const;

/**
 * Row-level security for suppliers, movements and what hangs off them, under the same
 * visibility rule as seizures (src/auth/visibility.ts). The rule is now one SQL function,
 * `app_can_read`, which the seizure policy uses too; it is inlined by the planner.
 */
export class ProvenanceRowLevelSecurity1795889902393 implements MigrationInterface {
  name = 'ProvenanceRowLevelSecurity1795889902393';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION app_can_read(owner uuid, handling handling_code, shared_with uuid[], recorded_by text)
      RETURNS boolean LANGUAGE sql STABLE AS $$
        SELECT app_agency() IS NOT NULL AND (
          handling IN ('TLP_CLEAR', 'TLP_GREEN')
          OR (owner = app_agency() AND handling <> 'TLP_RED')
          OR (handling = 'TLP_AMBER' AND app_agency() = ANY (shared_with))
          OR (handling = 'TLP_RED' AND owner = app_agency() AND recorded_by = app_subject()))
      $$`);
    await q.query(`ALTER POLICY seizure_read ON seizure USING (app_can_read(agency_id, handling, shared_with, recorded_by))`);

    await q.query(`GRANT SELECT, INSERT, UPDATE ON supplier, supplier_identifier, movement, movement_item, route_leg TO registry_app`);
    for (const table of OWNED) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT TO registry_app
        USING (app_can_read(agency_id, handling, shared_with, recorded_by))`);
      await q.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT TO registry_app
        WITH CHECK (agency_id = app_agency() AND recorded_by = app_subject())`);
      await q.query(`CREATE POLICY ${table}_update ON ${table} FOR UPDATE TO registry_app
        USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency())`);
    }
    for (const { table, parent, key } of DEPENDENT) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      // The subquery is itself under the parent's read policy.
      await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT TO registry_app
        USING (EXISTS (SELECT 1 FROM ${parent} p WHERE p.id = ${table}.${key}))`);
      await q.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT TO registry_app
        WITH CHECK (agency_id = app_agency())`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const { table } of DEPENDENT) {
      await q.query(`DROP POLICY ${table}_insert ON ${table}`);
      await q.query(`DROP POLICY ${table}_read ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    for (const table of OWNED) {
      for (const policy of ['update', 'insert', 'read']) await q.query(`DROP POLICY ${table}_${policy} ON ${table}`);
      await q.query(`ALTER TABLE ${table} NO FORCE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`REVOKE ALL ON supplier, supplier_identifier, movement, movement_item, route_leg FROM registry_app`);
    await q.query(`ALTER POLICY seizure_read ON seizure USING (
      app_agency() IS NOT NULL AND (
        handling IN ('TLP_CLEAR', 'TLP_GREEN')
        OR (agency_id = app_agency() AND handling <> 'TLP_RED')
        OR (handling = 'TLP_AMBER' AND app_agency() = ANY (shared_with))
        OR (handling = 'TLP_RED' AND agency_id = app_agency() AND recorded_by = app_subject())))`);
    await q.query(`DROP FUNCTION app_can_read(uuid, handling_code, uuid[], text)`);
  }
}
