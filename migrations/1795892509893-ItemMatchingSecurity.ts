import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security for the matching index and the matches, and the one way past it that
 * matching needs: `item_match_candidates`, a SECURITY DEFINER lookup over every agency's
 * identifiers (a new item must be linked to records its recorder may not read). It answers the
 * app with candidate ids and the facts scoring needs; what a caller is then shown of a match is
 * decided under the policies (`item_match_read`: both items readable). The owner reads through
 * policies of its own, since row-level security is forced on these tables.
 */
export class ItemMatchingSecurity1795892509893 implements MigrationInterface {
  name = 'ItemMatchingSecurity1795892509893';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX identifier_key_folded_trgm_idx ON identifier_key USING gin (folded gin_trgm_ops)`);
    // Stored damaged readings only: a clean new reading looks among these for patterns it fills in.
    await q.query(`CREATE INDEX identifier_key_damaged_trgm_idx ON identifier_key USING gin (folded gin_trgm_ops) WHERE has_wildcards`);
    await q.query(`GRANT SELECT, INSERT ON identifier_key TO registry_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON item_match TO registry_app`);

    await q.query(`ALTER TABLE identifier_key ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE identifier_key FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY identifier_key_read ON identifier_key FOR SELECT TO registry_app
      USING (EXISTS (SELECT 1 FROM item i WHERE i.id = identifier_key.item_id))`);
    await q.query(`CREATE POLICY identifier_key_insert ON identifier_key FOR INSERT TO registry_app
      WITH CHECK (agency_id = app_agency())`);
    await q.query(`CREATE POLICY identifier_key_owner_read ON identifier_key FOR SELECT TO CURRENT_USER USING (true)`);
    await q.query(`CREATE POLICY item_owner_read ON item FOR SELECT TO CURRENT_USER USING (true)`);

    await q.query(`ALTER TABLE item_match ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE item_match FORCE ROW LEVEL SECURITY`);
    const bothReadable = `EXISTS (SELECT 1 FROM item a WHERE a.id = item_match.item_a)
      AND EXISTS (SELECT 1 FROM item b WHERE b.id = item_match.item_b)`;
    await q.query(`CREATE POLICY item_match_read ON item_match FOR SELECT TO registry_app USING (${bothReadable})`);
    await q.query(`CREATE POLICY item_match_update ON item_match FOR UPDATE TO registry_app
      USING (${bothReadable}) WITH CHECK (${bothReadable})`);
    // An analyst links items they can both read; matching at write time links the caller's new
    // item to items of any agency.
    await q.query(`CREATE POLICY item_match_insert ON item_match FOR INSERT TO registry_app
      WITH CHECK ((${bothReadable})
        OR EXISTS (SELECT 1 FROM item i WHERE i.id IN (item_match.item_a, item_match.item_b) AND i.agency_id = app_agency()))`);

    // One probe per identifier of the new items; three index-backed ways to be a candidate:
    // the same folded key (exact or confusable), the probe's unreadable characters as wildcards,
    // or a stored damaged reading whose wildcards the probe fills in.
    await q.query(`CREATE FUNCTION item_match_candidates(
        probe_kind item_kind[], probe_field identifier_field[], probe_folded text[], probe_wild boolean[], exclude_seizure uuid)
      RETURNS TABLE (probe int, item_id uuid, key text, folded text, has_wildcards boolean, make text, model text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET pg_trgm.similarity_threshold = 0.3 AS $$
        WITH p AS (
          SELECT CAST(ord AS int) AS probe, kind, field, folded, wild
            FROM unnest(probe_kind, probe_field, probe_folded, probe_wild) WITH ORDINALITY AS t(kind, field, folded, wild, ord)
        ), found AS (
          SELECT p.probe, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND k.folded = p.folded
          UNION
          SELECT p.probe, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND p.wild
             AND k.folded LIKE replace(replace(p.folded, '?', '_'), '*', '%')
          UNION
          SELECT p.probe, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND k.has_wildcards
             AND k.folded % p.folded AND p.folded LIKE replace(replace(k.folded, '?', '_'), '*', '%')
        )
        SELECT found.probe, k.item_id, k.key, k.folded, k.has_wildcards, i.make, i.model
          FROM found
          JOIN p ON p.probe = found.probe
          JOIN identifier_key k ON k.item_id = found.item_id AND k.field = p.field
          JOIN item i ON i.id = k.item_id
         WHERE k.seizure_id <> exclude_seizure
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION item_match_candidates(item_kind[], identifier_field[], text[], boolean[], uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION item_match_candidates(item_kind[], identifier_field[], text[], boolean[], uuid) TO registry_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION item_match_candidates(item_kind[], identifier_field[], text[], boolean[], uuid)`);
    for (const policy of ['item_match_insert', 'item_match_update', 'item_match_read']) await q.query(`DROP POLICY ${policy} ON item_match`);
    await q.query(`ALTER TABLE item_match NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE item_match DISABLE ROW LEVEL SECURITY`);
    await q.query(`DROP POLICY item_owner_read ON item`);
    for (const policy of ['identifier_key_owner_read', 'identifier_key_insert', 'identifier_key_read']) await q.query(`DROP POLICY ${policy} ON identifier_key`);
    await q.query(`ALTER TABLE identifier_key NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE identifier_key DISABLE ROW LEVEL SECURITY`);
    await q.query(`REVOKE ALL ON identifier_key, item_match FROM registry_app`);
    await q.query(`DROP INDEX identifier_key_damaged_trgm_idx`);
    await q.query(`DROP INDEX identifier_key_folded_trgm_idx`);
  }
}
