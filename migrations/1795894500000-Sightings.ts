import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sightings: the same identifier (phone, account, wallet, code...) held by records of two
 * agencies. `sighting_key` is the one index of identifiers across kinds of record (a view: each
 * kind keeps its own identifiers, and a lookup by key is pushed down to each kind's index);
 * suppliers are its first kind, adverts and payments add theirs. A sighting is stored once per
 * pair of records and shared identifier, the pair in a fixed order.
 *
 * Three SECURITY DEFINER functions are the only ways across agencies, each answering only what
 * the caller may be shown: `sighting_link` finds and stores the sightings of the caller's own new
 * records; `sightings_of` and `sightings_by_key` answer, for readable records or a key, the
 * other records: readable ones by id with the shared key, unreadable ones as a hit (owning
 * agency and handling) when app_may_show_hit allows it, nothing otherwise.
 */
export class Sightings1795894500000 implements MigrationInterface {
  name = 'Sightings1795894500000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE sighting_basis AS ENUM ('SAME_IDENTIFIER', 'SAME_URL', 'SAME_CONTENT', 'SIMILAR_TEXT')`);
    await q.query(`CREATE TYPE sighted_kind AS ENUM ('SUPPLIER')`);
    await q.query(`CREATE POLICY supplier_identifier_owner_read ON supplier_identifier FOR SELECT TO CURRENT_USER USING (true)`);
    await q.query(`CREATE VIEW sighting_key AS
      SELECT CAST('SUPPLIER' AS sighted_kind) AS record_kind, si.supplier_id AS record_id, si.agency_id, si.scheme, si.value_key
        FROM supplier_identifier si`);

    await q.query(`CREATE TABLE sighting (
      kind_a sighted_kind NOT NULL,
      record_a uuid NOT NULL,
      kind_b sighted_kind NOT NULL,
      record_b uuid NOT NULL,
      basis sighting_basis NOT NULL,
      scheme text NOT NULL,
      value_key text NOT NULL,
      score numeric(4, 3) NOT NULL DEFAULT 1,
      found_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT sighting_pkey PRIMARY KEY (kind_a, record_a, kind_b, record_b, basis, scheme, value_key),
      CONSTRAINT sighting_in_order CHECK ((kind_a, record_a) < (kind_b, record_b)),
      CONSTRAINT sighting_score CHECK (score > 0 AND score <= 1)
    )`);
    await q.query(`CREATE INDEX sighting_b_idx ON sighting (kind_b, record_b)`);
    await q.query(`ALTER TABLE sighting ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE sighting FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY sighting_owner ON sighting TO CURRENT_USER USING (true) WITH CHECK (true)`);

    // Whether a record of a kind is readable by the caller, and who owns it: what the functions judge by.
    await q.query(`CREATE FUNCTION sighted_record(kind sighted_kind, id uuid)
      RETURNS TABLE (agency_id uuid, handling handling_code, readable boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT s.agency_id, s.handling, app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by)
          FROM supplier s WHERE kind = 'SUPPLIER' AND s.id = sighted_record.id
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION sighted_record(sighted_kind, uuid) FROM PUBLIC`);

    // The caller's own new records against every other agency's holding the same key: stored once per pair.
    await q.query(`CREATE FUNCTION sighting_link(kind sighted_kind, ids uuid[]) RETURNS int
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH found AS (
          SELECT mine.record_kind AS kind_mine, mine.record_id AS mine_id, other.record_kind AS kind_other, other.record_id AS other_id,
                 mine.scheme, mine.value_key
            FROM sighting_key mine
            JOIN sighting_key other ON other.scheme = mine.scheme AND other.value_key = mine.value_key AND other.agency_id <> mine.agency_id
           WHERE mine.record_kind = kind AND mine.record_id = ANY(ids) AND mine.agency_id = app_agency()
        ), stored AS (
          INSERT INTO sighting (kind_a, record_a, kind_b, record_b, basis, scheme, value_key)
          SELECT DISTINCT
                 CASE WHEN (kind_mine, mine_id) < (kind_other, other_id) THEN kind_mine ELSE kind_other END,
                 CASE WHEN (kind_mine, mine_id) < (kind_other, other_id) THEN mine_id ELSE other_id END,
                 CASE WHEN (kind_mine, mine_id) < (kind_other, other_id) THEN kind_other ELSE kind_mine END,
                 CASE WHEN (kind_mine, mine_id) < (kind_other, other_id) THEN other_id ELSE mine_id END,
                 CAST('SAME_IDENTIFIER' AS sighting_basis), scheme, value_key
            FROM found
          ON CONFLICT DO NOTHING
          RETURNING 1
        )
        SELECT count(*)::int FROM stored
      $$`);

    // For readable records: each sighting, with the other record's id and the key when the caller
    // may read it, else its owner and handling when a hit may be shown (nothing for TLP_RED).
    const seen = `(other.readable OR app_may_show_hit(other.handling))`;
    await q.query(`CREATE FUNCTION sightings_of(kind sighted_kind, ids uuid[])
      RETURNS TABLE (record_id uuid, other_kind sighted_kind, other_id uuid, basis sighting_basis, scheme text, value_key text, score numeric,
                     agency_id uuid, handling handling_code)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT pair.mine, pair.other_kind,
               CASE WHEN other.readable THEN pair.other_id END, pair.basis,
               CASE WHEN other.readable THEN pair.scheme END, CASE WHEN other.readable THEN pair.value_key END,
               pair.score, other.agency_id, other.handling
          FROM unnest(ids) AS asked(id)
          CROSS JOIN LATERAL sighted_record(kind, asked.id) AS mine_record
          CROSS JOIN LATERAL (
            SELECT s.record_a AS mine, s.kind_b AS other_kind, s.record_b AS other_id, s.basis, s.scheme, s.value_key, s.score, s.found_at
              FROM sighting s WHERE s.kind_a = kind AND s.record_a = asked.id
            UNION ALL
            SELECT s.record_b, s.kind_a, s.record_a, s.basis, s.scheme, s.value_key, s.score, s.found_at
              FROM sighting s WHERE s.kind_b = kind AND s.record_b = asked.id
          ) AS pair
          CROSS JOIN LATERAL sighted_record(pair.other_kind, pair.other_id) AS other
         WHERE mine_record.readable AND ${seen}
         ORDER BY pair.mine, pair.score DESC, pair.found_at, pair.other_id
      $$`);

    // Every record holding a key, judged the same way.
    await q.query(`CREATE FUNCTION sightings_by_key(key_scheme text, key_value text)
      RETURNS TABLE (other_kind sighted_kind, other_id uuid, agency_id uuid, handling handling_code)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT k.record_kind, CASE WHEN other.readable THEN k.record_id END, other.agency_id, other.handling
          FROM sighting_key k
          CROSS JOIN LATERAL sighted_record(k.record_kind, k.record_id) AS other
         WHERE k.scheme = key_scheme AND k.value_key = key_value AND ${seen}
         ORDER BY other.readable DESC, k.record_kind, k.record_id
      $$`);
    for (const signature of ['sighting_link(sighted_kind, uuid[])', 'sightings_of(sighted_kind, uuid[])', 'sightings_by_key(text, text)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${signature} TO registry_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const signature of ['sightings_by_key(text, text)', 'sightings_of(sighted_kind, uuid[])', 'sighting_link(sighted_kind, uuid[])', 'sighted_record(sighted_kind, uuid)']) {
      await q.query(`DROP FUNCTION ${signature}`);
    }
    await q.query(`DROP TABLE sighting`);
    await q.query(`DROP VIEW sighting_key`);
    await q.query(`DROP POLICY supplier_identifier_owner_read ON supplier_identifier`);
    await q.query(`DROP TYPE sighted_kind`);
    await q.query(`DROP TYPE sighting_basis`);
  }
}
