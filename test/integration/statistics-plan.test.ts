// topSuppliers walks upstream through indexes under row-level security: the counted items'
// movements by item, each supplier's incoming supply steps by receiver; never a whole table.
import { join } from 'node:path';
import { Role } from '../../src/auth/roles';
import { selectedItemsConditions } from '../../src/modules/statistics/stats-query';
import { WalkQuery } from '../../src/modules/supply-chain/walk-query';
import { makeAgency } from '../factories/agency.factory';
import { fullScans, indexesUsed, planAsCaller } from '../setup/query-plans';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agencyCode: string;

// Planned against tables with rows and statistics: 2,000 suppliers, 10,000 movements between
// them, 5,000 one-item seizures over five years, each item carried by a movement to no one.
beforeAll(async () => {
  app = await TestApp.start();
  agencyCode = (await makeAgency(app)).code;
  const agency = `(SELECT id FROM agency WHERE code = '${agencyCode}')`;
  await app.query(`INSERT INTO supplier (agency_id, name, search_text, handling, recorded_by)
    SELECT ${agency}, 'Plan supplier ' || n, 'plan supplier ' || n, 'TLP_GREEN', 'planner' FROM generate_series(1, 2000) AS n`);
  await app.query(`CREATE TEMP TABLE plan_supplier AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM supplier`);
  await app.query(`INSERT INTO movement (agency_id, from_supplier_id, to_supplier_id, handling, recorded_by)
    SELECT ${agency}, sender.id, receiver.id, 'TLP_GREEN', 'planner' FROM generate_series(1, 10000) AS k
      JOIN plan_supplier sender ON sender.n = 1 + k % 2000 JOIN plan_supplier receiver ON receiver.n = 1 + (k * 7 + 3) % 2000`);
  await app.query(`INSERT INTO seizure (agency_id, reference, reference_key, jurisdiction, seized_at, handling, recorded_by)
    SELECT ${agency}, 'PLAN-' || n, 'PLAN-' || n, 'FR', timestamptz '2020-01-01' + n * interval '9 hours', 'TLP_GREEN', 'planner'
      FROM generate_series(1, 5000) AS n`);
  await app.query(`INSERT INTO item (seizure_id, agency_id, position, kind) SELECT id, agency_id, 1, 'ENGINE' FROM seizure`);
  await app.query(`WITH sold AS (
      INSERT INTO movement (agency_id, from_supplier_id, handling, recorded_by, document_ref)
      SELECT i.agency_id, s.id, 'TLP_GREEN', 'planner', i.id::text FROM item i
        JOIN plan_supplier s ON s.n = 1 + abs(hashtext(i.id::text)) % 2000
      RETURNING id, agency_id, document_ref)
    INSERT INTO movement_item (movement_id, item_id, agency_id) SELECT id, document_ref::uuid, agency_id FROM sold`);
  await app.query('ANALYZE supplier, movement, supply_step, movement_item, seizure, item');
});
afterAll(() => app.stop());

const topSuppliers = new WalkQuery(join(__dirname, '../../src/modules/statistics/top-suppliers.sql'));
const WALKED = new Set(['m', 'step', 'mi', 'sup', 'receiver', 's', 'i']);
const TABLES = ['movement', 'supply_step', 'movement_item', 'supplier', 'seizure', 'item'];

describe('topSuppliers uses the indexes it walks', () => {
  it('from a week of seizures up through every supplier that sent their items', async () => {
    const filter = { seizedFrom: new Date('2021-03-01T00:00:00Z'), seizedTo: new Date('2021-03-07T23:59:59.999Z') };
    const plan = await planAsCaller(
      app,
      { subject: 'planner', agencyCode, roles: [Role.ANALYST] },
      (caller) => topSuppliers.build(caller, { selected: selectedItemsConditions(filter) }),
      { maxDepth: 20, first: 10 },
      { nestedLoops: true },
    );
    expect(indexesUsed(plan)).toEqual(expect.arrayContaining(['movement_item_item_idx', 'supply_step_key']));
    expect(fullScans(plan, WALKED, TABLES)).toEqual([]);
  });
});
