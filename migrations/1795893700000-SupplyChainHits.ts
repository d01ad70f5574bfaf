import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hit/no-hit for supply-chain walks: the steps next to suppliers the caller can read that lead
 * through a record the caller may not read (the movement, or the supplier at its other end),
 * answered with only what a hit shows: the hidden record's owning agency and handling, once per
 * pair. TLP_RED records give no hits. The owner reads movements through a policy of its own.
 */
export class SupplyChainHits1795893700000 implements MigrationInterface {
  name = 'SupplyChainHits1795893700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE POLICY movement_owner_read ON movement FOR SELECT TO CURRENT_USER USING (true)`);
    await q.query(`CREATE POLICY movement_item_owner_read ON movement_item FOR SELECT TO CURRENT_USER USING (true)`);
    // direction 'in': movements received by the suppliers, hidden or from a hidden sender;
    // 'out': movements sent by them, hidden or to a hidden receiver.
    await q.query(`CREATE FUNCTION supply_chain_hidden_steps(supplier_ids uuid[], direction text)
      RETURNS TABLE (supplier_id uuid, agency_id uuid, handling handling_code)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT DISTINCT known.id,
               CASE WHEN NOT app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by) THEN m.agency_id ELSE other.agency_id END,
               CASE WHEN NOT app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by) THEN m.handling ELSE other.handling END
          FROM unnest(supplier_ids) AS asked(id)
          JOIN supplier known ON known.id = asked.id
          JOIN movement m ON (direction = 'in' AND m.to_supplier_id = known.id) OR (direction = 'out' AND m.from_supplier_id = known.id)
          LEFT JOIN supplier other ON other.id = CASE WHEN direction = 'in' THEN m.from_supplier_id ELSE m.to_supplier_id END
         WHERE app_can_read(known.agency_id, known.handling, known.shared_with, known.recorded_by)
           AND CASE
                 WHEN NOT app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by) THEN m.handling IN ('TLP_AMBER', 'TLP_AMBER_STRICT')
                 WHEN other.id IS NOT NULL AND NOT app_can_read(other.agency_id, other.handling, other.shared_with, other.recorded_by)
                   THEN other.handling IN ('TLP_AMBER', 'TLP_AMBER_STRICT')
                 ELSE false
               END
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION supply_chain_hidden_steps(uuid[], text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION supply_chain_hidden_steps(uuid[], text) TO registry_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION supply_chain_hidden_steps(uuid[], text)`);
    await q.query(`DROP POLICY movement_item_owner_read ON movement_item`);
    await q.query(`DROP POLICY movement_owner_read ON movement`);
  }
}
