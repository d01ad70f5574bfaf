import { MigrationInterface, QueryRunner } from 'typeorm';
import { CHANGE_CHANNEL } from '../src/modules/change-feed/change-channel';

// Definer functions of the triggers below: they write only the change rows of what the inserting
// or updating statement just wrote, so requests may read the feed but never write it.
const DEFINER = `LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp`;

/** The agency owning an item. */
const ITEM_AGENCY = (item: string) => `(SELECT i.agency_id FROM item i WHERE i.id = ${item})`;

/**
 * The durable change feed (`changes`, and later the subscriptions' events): one row per change
 * that partners hear about, written by triggers in the changing transaction, so a rolled-back
 * write leaves none and no write path can forget one: a seizure recorded (insert) or amended
 * (a new version), an item match found (insert) or decided (a decision written), a sighting
 * found. A row names its record (the seizure; the pair of items; the pair of sighted records)
 * and, for matches and sightings, the agency owning each side.
 *
 * Rows are read in the order of their transaction ids, then ids, and only from transactions
 * older than every one still running (`pg_snapshot_xmin`): those have all ended, so no row can
 * appear later before a cursor already handed out (ids alone would not do: a transaction that
 * took id 7 may commit after another that took id 8 was read). Readable by `registry_app` under
 * the record's rule: a seizure's changes as the seizure; a match's or sighting's by the
 * agencies owning its sides.
 */
export class ChangeFeed1795895300000 implements MigrationInterface {
  name = 'ChangeFeed1795895300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE change_kind AS ENUM ('SEIZURE_RECORDED', 'SEIZURE_AMENDED', 'MATCH_FOUND', 'MATCH_DECIDED', 'SIGHTING_FOUND')`);
    await q.query(`CREATE TABLE change_event (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      txid xid8 NOT NULL DEFAULT pg_current_xact_id(),
      kind change_kind NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      seizure_id uuid,
      item_a uuid,
      item_b uuid,
      sighted_a sighted_kind,
      record_a uuid,
      sighted_b sighted_kind,
      record_b uuid,
      agency_a uuid,
      agency_b uuid,
      CONSTRAINT change_event_names_its_record CHECK (
        (kind IN ('SEIZURE_RECORDED', 'SEIZURE_AMENDED') AND seizure_id IS NOT NULL)
        OR (kind IN ('MATCH_FOUND', 'MATCH_DECIDED') AND item_a IS NOT NULL AND item_b IS NOT NULL)
        OR (kind = 'SIGHTING_FOUND' AND record_a IS NOT NULL AND record_b IS NOT NULL))
    )`);
    await q.query(`CREATE INDEX change_event_feed_idx ON change_event (txid, id)`);
    await q.query(`CREATE INDEX change_event_at_idx ON change_event (at)`);

    await q.query(`CREATE FUNCTION change_seizures_recorded() RETURNS trigger ${DEFINER} AS $$ BEGIN
        INSERT INTO change_event (kind, seizure_id) SELECT 'SEIZURE_RECORDED', id FROM new_seizures;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER seizure_recorded_change AFTER INSERT ON seizure REFERENCING NEW TABLE AS new_seizures
      FOR EACH STATEMENT EXECUTE FUNCTION change_seizures_recorded()`);
    // An amendment writes a new version; the item counts' own update does not.
    await q.query(`CREATE FUNCTION change_seizure_amended() RETURNS trigger ${DEFINER} AS $$ BEGIN
        INSERT INTO change_event (kind, seizure_id) VALUES ('SEIZURE_AMENDED', NEW.id);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER seizure_amended_change AFTER UPDATE ON seizure FOR EACH ROW
      WHEN (OLD.version IS DISTINCT FROM NEW.version) EXECUTE FUNCTION change_seizure_amended()`);

    // A pair linked by an analyst is found and decided at once.
    await q.query(`CREATE FUNCTION change_matches_found() RETURNS trigger ${DEFINER} AS $$ BEGIN
        INSERT INTO change_event (kind, item_a, agency_a, item_b, agency_b)
        SELECT kind, m.item_a, ${ITEM_AGENCY('m.item_a')}, m.item_b, ${ITEM_AGENCY('m.item_b')}
          FROM new_matches m
          CROSS JOIN LATERAL (SELECT 'MATCH_FOUND'::change_kind UNION ALL SELECT 'MATCH_DECIDED' WHERE m.decided_at IS NOT NULL) AS found(kind);
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER item_match_found_change AFTER INSERT ON item_match REFERENCING NEW TABLE AS new_matches
      FOR EACH STATEMENT EXECUTE FUNCTION change_matches_found()`);
    await q.query(`CREATE FUNCTION change_match_decided() RETURNS trigger ${DEFINER} AS $$ BEGIN
        INSERT INTO change_event (kind, item_a, agency_a, item_b, agency_b)
        VALUES ('MATCH_DECIDED', NEW.item_a, ${ITEM_AGENCY('NEW.item_a')}, NEW.item_b, ${ITEM_AGENCY('NEW.item_b')});
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER item_match_decided_change AFTER UPDATE ON item_match FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.decided_at IS DISTINCT FROM NEW.decided_at) EXECUTE FUNCTION change_match_decided()`);

    await q.query(`CREATE FUNCTION change_sightings_found() RETURNS trigger ${DEFINER} AS $$ BEGIN
        INSERT INTO change_event (kind, sighted_a, record_a, agency_a, sighted_b, record_b, agency_b)
        SELECT 'SIGHTING_FOUND', s.kind_a, s.record_a, (SELECT agency_id FROM sighted_record(s.kind_a, s.record_a)),
               s.kind_b, s.record_b, (SELECT agency_id FROM sighted_record(s.kind_b, s.record_b))
          FROM new_sightings s;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER sighting_found_change AFTER INSERT ON sighting REFERENCING NEW TABLE AS new_sightings
      FOR EACH STATEMENT EXECUTE FUNCTION change_sightings_found()`);
    // Every process serving this database hears that the feed grew, once the change commits
    // (NOTIFY is transactional: nothing is heard of a rolled-back write); it then reads the feed.
    await q.query(`CREATE FUNCTION change_notify() RETURNS trigger ${DEFINER} AS $$ BEGIN
        PERFORM pg_notify('${CHANGE_CHANNEL}', '');
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER change_event_notify AFTER INSERT ON change_event FOR EACH STATEMENT EXECUTE FUNCTION change_notify()`);
    for (const fn of ['change_seizures_recorded', 'change_seizure_amended', 'change_matches_found', 'change_match_decided', 'change_sightings_found', 'change_notify']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn}() FROM PUBLIC`);
    }

    await q.query(`ALTER TABLE change_event ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE change_event FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY change_event_owner ON change_event TO CURRENT_USER USING (true) WITH CHECK (true)`);
    await q.query(`CREATE POLICY change_event_read ON change_event FOR SELECT TO registry_app USING (
      CASE WHEN seizure_id IS NOT NULL THEN EXISTS (SELECT 1 FROM seizure s WHERE s.id = change_event.seizure_id)
           ELSE app_agency() IN (agency_a, agency_b) END)`);
    await q.query(`GRANT SELECT ON change_event TO registry_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER sighting_found_change ON sighting`);
    await q.query(`DROP TRIGGER item_match_decided_change ON item_match`);
    await q.query(`DROP TRIGGER item_match_found_change ON item_match`);
    await q.query(`DROP TRIGGER seizure_amended_change ON seizure`);
    await q.query(`DROP TRIGGER seizure_recorded_change ON seizure`);
    await q.query(`DROP TRIGGER change_event_notify ON change_event`);
    for (const fn of ['change_notify', 'change_sightings_found', 'change_match_decided', 'change_matches_found', 'change_seizure_amended', 'change_seizures_recorded']) {
      await q.query(`DROP FUNCTION ${fn}()`);
    }
    await q.query(`DROP TABLE change_event`);
    await q.query(`DROP TYPE change_kind`);
  }
}
