import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit trail: append-only, partitioned by month so that retention drops whole partitions
 * (as the owner) instead of deleting rows. A trigger refuses UPDATE and DELETE for everyone, and
 * the application's role is granted only INSERT and SELECT. A default partition catches any
 * month without its own, so no event is ever refused for its date.
 */
export class AuditTrail1795893800000 implements MigrationInterface {
  name = 'AuditTrail1795893800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE audit_event (
      id uuid NOT NULL DEFAULT gen_random_uuid(),
      at timestamptz(3) NOT NULL DEFAULT now(),
      actor text NOT NULL,
      agency_code text,
      agency_id uuid,
      operation text NOT NULL,
      outcome text NOT NULL CHECK (outcome IN ('SUCCESS', 'DENIED', 'FAILED')),
      entity_ids text[] NOT NULL DEFAULT '{}',
      request_id text,
      client_address text,
      justification text,
      PRIMARY KEY (id, at)
    ) PARTITION BY RANGE (at)`);
    await q.query(`CREATE TABLE audit_event_default PARTITION OF audit_event DEFAULT`);
    await q.query(`DO $$ DECLARE month date := date_trunc('month', now() - interval '1 month');
      BEGIN
        FOR i IN 1..26 LOOP
          EXECUTE format('CREATE TABLE %I PARTITION OF audit_event FOR VALUES FROM (%L) TO (%L)',
            'audit_event_' || to_char(month, 'YYYY_MM'), month, month + interval '1 month');
          month := month + interval '1 month';
        END LOOP;
      END $$`);
    await q.query(`CREATE INDEX audit_event_agency_at_idx ON audit_event (agency_id, at, id)`);
    await q.query(`CREATE INDEX audit_event_at_idx ON audit_event (at, id)`);
    await q.query(`CREATE FUNCTION audit_event_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit events cannot be altered or deleted'; END $$`);
    await q.query(`CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change()`);
    await q.query(`GRANT SELECT, INSERT ON audit_event TO registry_app`);
    await q.query(`ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE audit_event FORCE ROW LEVEL SECURITY`);
    // The policies let the application's role insert and read every event; the database only
    // keeps them unaltered (the trigger above). Who reads which (an ADMIN all, an AUDITOR their
    // own agency's, by agency_id) is decided by the audit resolver and the read service's WHERE.
    await q.query(`CREATE POLICY audit_event_insert ON audit_event FOR INSERT TO registry_app WITH CHECK (true)`);
    await q.query(`CREATE POLICY audit_event_read ON audit_event FOR SELECT TO registry_app USING (true)`);
    await q.query(`CREATE POLICY audit_event_owner ON audit_event FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_refuse_change()`);
  }
}
