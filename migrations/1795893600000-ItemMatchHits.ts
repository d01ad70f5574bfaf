import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hit/no-hit for item matches: `item_match_hits` tells a caller, for items they can read, which
 * matches lead to an item they may not read, with only what a hit shows (owning agency and
 * handling; the agency's jurisdiction is public). TLP_RED records give no hits. The owner reads
 * seizures and matches through policies of its own, since row-level security is forced.
 */
export class ItemMatchHits1795893600000 implements MigrationInterface {
  name = 'ItemMatchHits1795893600000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE POLICY seizure_owner_read ON seizure FOR SELECT TO CURRENT_USER USING (true)`);
    await q.query(`CREATE POLICY item_match_owner_read ON item_match FOR SELECT TO CURRENT_USER USING (true)`);
    await q.query(`CREATE FUNCTION item_match_hits(item_ids uuid[])
      RETURNS TABLE (item_id uuid, basis match_basis, score numeric, status match_status, agency_id uuid, handling handling_code)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT mine.id, pair.basis, pair.score, pair.status, other_seizure.agency_id, other_seizure.handling
          FROM unnest(item_ids) AS asked(id)
          JOIN item mine ON mine.id = asked.id
          JOIN seizure mine_seizure ON mine_seizure.id = mine.seizure_id
          CROSS JOIN LATERAL (
            SELECT m.item_b AS other_id, m.basis, m.score, m.status FROM item_match m WHERE m.item_a = mine.id
            UNION ALL
            SELECT m.item_a, m.basis, m.score, m.status FROM item_match m WHERE m.item_b = mine.id
          ) AS pair
          JOIN item other ON other.id = pair.other_id
          JOIN seizure other_seizure ON other_seizure.id = other.seizure_id
         WHERE app_can_read(mine_seizure.agency_id, mine_seizure.handling, mine_seizure.shared_with, mine_seizure.recorded_by)
           AND NOT app_can_read(other_seizure.agency_id, other_seizure.handling, other_seizure.shared_with, other_seizure.recorded_by)
           AND other_seizure.handling IN ('TLP_AMBER', 'TLP_AMBER_STRICT')
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION item_match_hits(uuid[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION item_match_hits(uuid[]) TO registry_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION item_match_hits(uuid[])`);
    await q.query(`DROP POLICY item_match_owner_read ON item_match`);
    await q.query(`DROP POLICY seizure_owner_read ON seizure`);
  }
}
