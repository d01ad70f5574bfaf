import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hit/no-hit at the two ends of a walk, beside the steps between suppliers that
 * `supply_chain_hidden_steps` covers. Upstream starts from items: a movement that carried a
 * readable start item but which the caller may not read, or whose sender or receiver it may not
 * read, is a hit. Downstream ends in seizures: a readable movement from a walked supplier that
 * carried an item of a seizure the caller may not read is a hit. Each answers only the hidden
 * record's owning agency and handling; TLP_RED records give none.
 */
export class SupplyChainEndHits1795894000000 implements MigrationInterface {
  name = 'SupplyChainEndHits1795894000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION supply_chain_hidden_carriers(item_ids uuid[])
      RETURNS TABLE (agency_id uuid, handling handling_code)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT DISTINCT hidden.agency_id, hidden.handling
          FROM item i
          JOIN seizure s ON s.id = i.seizure_id
          JOIN movement_item mi ON mi.item_id = i.id
          JOIN movement m ON m.id = mi.movement_id
          CROSS JOIN LATERAL (
            SELECT m.agency_id, m.handling WHERE NOT app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by)
            UNION ALL
            SELECT party.agency_id, party.handling
              FROM supplier party
             WHERE party.id IN (m.from_supplier_id, m.to_supplier_id)
               AND app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by)
               AND NOT app_can_read(party.agency_id, party.handling, party.shared_with, party.recorded_by)
          ) AS hidden
         WHERE i.id = ANY(item_ids)
           AND app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by)
           AND hidden.handling IN ('TLP_AMBER', 'TLP_AMBER_STRICT')
      $$`);
    await q.query(`CREATE FUNCTION supply_chain_hidden_seizures(supplier_ids uuid[])
      RETURNS TABLE (agency_id uuid, handling handling_code)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT DISTINCT s.agency_id, s.handling
          FROM supplier sender
          JOIN movement m ON m.from_supplier_id = sender.id
          JOIN movement_item mi ON mi.movement_id = m.id
          JOIN item i ON i.id = mi.item_id
          JOIN seizure s ON s.id = i.seizure_id
         WHERE sender.id = ANY(supplier_ids)
           AND app_can_read(sender.agency_id, sender.handling, sender.shared_with, sender.recorded_by)
           AND app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by)
           AND NOT app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by)
           AND s.handling IN ('TLP_AMBER', 'TLP_AMBER_STRICT')
      $$`);
    for (const fn of ['supply_chain_hidden_carriers(uuid[])', 'supply_chain_hidden_seizures(uuid[])']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO registry_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION supply_chain_hidden_seizures(uuid[])`);
    await q.query(`DROP FUNCTION supply_chain_hidden_carriers(uuid[])`);
  }
}
