import { MigrationInterface, QueryRunner } from 'typeorm';

// Who reads a movement, with what the rule does not look at left out: TLP_CLEAR and TLP_GREEN
// are read by every agency (one scope, no owner), the sharing counts only for TLP_AMBER and the
// recorder only for TLP_RED. A step stands for all the movements between two suppliers that the
// same callers read.
const READERS = `CASE WHEN handling IN ('TLP_CLEAR', 'TLP_GREEN') THEN NULL ELSE agency_id END,
  CASE WHEN handling = 'TLP_CLEAR' THEN 'TLP_GREEN' ELSE handling END,
  CASE WHEN handling = 'TLP_AMBER' THEN shared_with ELSE '{}' END,
  CASE WHEN handling = 'TLP_RED' THEN recorded_by ELSE '' END`;

const STEPS_OF = (movements: string) => `INSERT INTO public.supply_step (from_supplier_id, to_supplier_id, agency_id, handling, shared_with, recorded_by)
  SELECT DISTINCT from_supplier_id, to_supplier_id, ${READERS}
    FROM ${movements} WHERE from_supplier_id IS NOT NULL AND to_supplier_id IS NOT NULL
  ON CONFLICT DO NOTHING`;

/**
 * The steps of the supply graph: one row per sender, receiver and readers of the movements
 * between two suppliers, so that a walk needing only who sent goods to whom reads these instead
 * of every movement (in the benchmark's network, 513,870 steps stand for 1,831,681 movements
 * between suppliers). A step is readable exactly when the movements it stands for are: the same
 * rule on the same columns (`readableBy`, `app_can_read`), its owner left out for the
 * community-wide ones. Kept by a trigger on every insert into movement, in the inserting
 * transaction; movements are never changed or removed once recorded (the API has no such
 * write). The trigger's function runs as the owner (search_path pinned) and writes only the
 * steps of the rows just inserted, so requests may read steps but never write them.
 */
export class SupplySteps1795895200000 implements MigrationInterface {
  name = 'SupplySteps1795895200000';

  public async up(q: QueryRunner): Promise<void> {
    // Its backfill reads a whole table: not bound by the requests' statement timeout (each migration is its own transaction).
    await q.query('SET LOCAL statement_timeout = 0');
    await q.query(`CREATE TABLE supply_step (
      from_supplier_id uuid NOT NULL REFERENCES supplier(id) ON DELETE CASCADE,
      to_supplier_id uuid NOT NULL REFERENCES supplier(id) ON DELETE CASCADE,
      agency_id uuid REFERENCES agency(id) ON DELETE RESTRICT,
      handling handling_code NOT NULL,
      shared_with uuid[] NOT NULL,
      recorded_by text NOT NULL
    )`);
    // Walks go up (by receiver) and down (by sender).
    await q.query(`CREATE UNIQUE INDEX supply_step_key ON supply_step (to_supplier_id, from_supplier_id, agency_id, handling, recorded_by, shared_with) NULLS NOT DISTINCT`);
    await q.query(`CREATE INDEX supply_step_from_idx ON supply_step (from_supplier_id)`);
    // The steps of every stored movement (here, and after a bulk load that bypassed the trigger).
    await q.query(`CREATE FUNCTION supply_steps_fill() RETURNS void LANGUAGE sql AS $$ ${STEPS_OF('public.movement')} $$`);
    await q.query(`SELECT supply_steps_fill()`);
    await q.query(`CREATE FUNCTION supply_step_add() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $$
      BEGIN
        ${STEPS_OF('new_movements')};
        RETURN NULL;
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION supply_step_add() FROM PUBLIC`);
    await q.query(`CREATE TRIGGER movement_stepped AFTER INSERT ON movement REFERENCING NEW TABLE AS new_movements
      FOR EACH STATEMENT EXECUTE FUNCTION supply_step_add()`);

    await q.query(`ALTER TABLE supply_step ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE supply_step FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY supply_step_owner ON supply_step TO CURRENT_USER USING (true) WITH CHECK (true)`);
    await q.query(`CREATE POLICY supply_step_read ON supply_step FOR SELECT TO registry_app USING (app_can_read(agency_id, handling, shared_with, recorded_by))`);
    await q.query(`GRANT SELECT ON supply_step TO registry_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER movement_stepped ON movement`);
    await q.query(`DROP FUNCTION supply_step_add()`);
    await q.query(`DROP FUNCTION supply_steps_fill()`);
    await q.query(`DROP TABLE supply_step`);
  }
}
