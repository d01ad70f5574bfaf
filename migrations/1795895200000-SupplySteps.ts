import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The steps of the supply graph: one row per sender, receiver and readers of the movements
 * between two suppliers (agency, handling, sharing, recorder: what decides who reads a
 * movement), kept by a trigger on every insert into movement, in the inserting transaction.
 * Movements are never changed or removed once recorded (the API has no such write). A walk that
 * needs only who sent goods to whom reads these instead of every movement: in the benchmark's
 * network, 290,720 steps stand for 1,831,681 movements between suppliers. A step is readable
 * exactly when the movements it stands for are (the same rule, on the same columns).
 */
export class SupplySteps1795895200000 implements MigrationInterface {
  name = 'SupplySteps1795895200000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE supply_step (
      from_supplier_id uuid NOT NULL REFERENCES supplier(id) ON DELETE CASCADE,
      to_supplier_id uuid NOT NULL REFERENCES supplier(id) ON DELETE CASCADE,
      agency_id uuid NOT NULL REFERENCES agency(id) ON DELETE RESTRICT,
      handling handling_code NOT NULL,
      shared_with uuid[] NOT NULL,
      recorded_by text NOT NULL
    )`);
    // Walks go up (by receiver) and down (by sender).
    await q.query(`CREATE UNIQUE INDEX supply_step_key ON supply_step (to_supplier_id, from_supplier_id, agency_id, handling, recorded_by, shared_with)`);
    await q.query(`CREATE INDEX supply_step_from_idx ON supply_step (from_supplier_id)`);
    // The steps of every stored movement (here, and after a bulk load that bypassed the trigger).
    await q.query(`CREATE FUNCTION supply_steps_fill() RETURNS void LANGUAGE sql AS $$
      INSERT INTO supply_step (from_supplier_id, to_supplier_id, agency_id, handling, shared_with, recorded_by)
      SELECT DISTINCT from_supplier_id, to_supplier_id, agency_id, handling, shared_with, recorded_by
        FROM movement WHERE from_supplier_id IS NOT NULL AND to_supplier_id IS NOT NULL
      ON CONFLICT DO NOTHING $$`);
    await q.query(`SELECT supply_steps_fill()`);
    await q.query(`CREATE FUNCTION supply_step_add() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO supply_step (from_supplier_id, to_supplier_id, agency_id, handling, shared_with, recorded_by)
        SELECT DISTINCT from_supplier_id, to_supplier_id, agency_id, handling, shared_with, recorded_by
          FROM new_movements WHERE from_supplier_id IS NOT NULL AND to_supplier_id IS NOT NULL
        ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER movement_stepped AFTER INSERT ON movement REFERENCING NEW TABLE AS new_movements
      FOR EACH STATEMENT EXECUTE FUNCTION supply_step_add()`);

    await q.query(`ALTER TABLE supply_step ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE supply_step FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY supply_step_owner_read ON supply_step FOR SELECT TO CURRENT_USER USING (true)`);
    await q.query(`CREATE POLICY supply_step_read ON supply_step FOR SELECT TO registry_app USING (app_can_read(agency_id, handling, shared_with, recorded_by))`);
    await q.query(`CREATE POLICY supply_step_insert ON supply_step FOR INSERT TO registry_app WITH CHECK (agency_id = app_agency())`);
    await q.query(`GRANT SELECT, INSERT ON supply_step TO registry_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER movement_stepped ON movement`);
    await q.query(`DROP FUNCTION supply_step_add()`);
    await q.query(`DROP FUNCTION supply_steps_fill()`);
    await q.query(`DROP TABLE supply_step`);
  }
}
