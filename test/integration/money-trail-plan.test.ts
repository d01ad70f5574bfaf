// The money trail follows its hops through indexes, in both directions, under row-level security
// (planned for its values, as walks always are): a party's payments by its place in them, each
// payment's next party by key; never a scan of a whole table.
import { join } from 'node:path';
import { Role } from '../../src/auth/roles';
import { WalkQuery } from '../../src/modules/supply-chain/walk-query';
import { makeAgency } from '../factories/agency.factory';
import { fullScans as fullScansOf, indexesUsed, planAsCaller, type PlanNode } from '../setup/query-plans';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agencyCode: string;

// Planned against tables with rows and statistics (on empty ones any order is as cheap): 2,000
// suppliers, 20,000 payments from one to another through up to two brokers, two in three with a reference.
beforeAll(async () => {
  app = await TestApp.start();
  agencyCode = (await makeAgency(app)).code;
  await app.query(`INSERT INTO supplier (agency_id, name, search_text, handling, recorded_by)
    SELECT (SELECT id FROM agency WHERE code = $1), 'Plan party ' || n, 'plan party ' || n, 'TLP_GREEN', 'planner' FROM generate_series(1, 2000) AS n`, [agencyCode]);
  await app.query(`CREATE TEMP TABLE plan_party AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM supplier WHERE name LIKE 'Plan party %'`);
  await app.query(`INSERT INTO payment (agency_id, payer_id, payee_id, broker_count, reference, reference_key, handling, recorded_by)
    SELECT (SELECT id FROM agency WHERE code = $1), payer.id, payee.id, k % 3, CASE WHEN k % 3 > 0 THEN 'PLAN-' || k END,
           CASE WHEN k % 3 > 0 THEN 'PLAN' || k END, 'TLP_GREEN', 'planner' FROM generate_series(1, 20000) AS k
      JOIN plan_party payer ON payer.n = 1 + k % 2000 JOIN plan_party payee ON payee.n = 1 + (k * 7 + 1) % 2000`, [agencyCode]);
  await app.query(`INSERT INTO payment_party (payment_id, position, supplier_id, agency_id)
    SELECT p.id, 0, p.payer_id, p.agency_id FROM payment p WHERE p.recorded_by = 'planner'
    UNION ALL SELECT p.id, p.broker_count + 1, p.payee_id, p.agency_id FROM payment p WHERE p.recorded_by = 'planner'
    UNION ALL SELECT p.id, b, broker.id, p.agency_id FROM payment p CROSS JOIN generate_series(1, p.broker_count) AS b
      JOIN plan_party broker ON broker.n = 1 + (abs(hashtext(p.id::text)) + b) % 2000 WHERE p.recorded_by = 'planner'`);
  await app.query('ANALYZE supplier, payment, payment_party');
});
afterAll(() => app.stop());

const trail = new WalkQuery(join(__dirname, '../../src/modules/money-trail/money-trail.sql'));
// The tables the walk follows, by their aliases in money-trail.sql (row-level security's own
// subqueries on tiny tables may hash their table instead, which is the planner's sound choice).
const WALKED = new Set(['paid', 'own', 'next', 'sup', 'recorded']);
const TABLES = ['payment', 'payment_party', 'supplier'];

/** Scans of the walked tables without an index condition; EXPLAIN numbers an alias used again (paid_2). */
const fullScans = (plan: PlanNode[]) => fullScansOf(plan.map((n) => ({ ...n, Alias: n.Alias?.replace(/_\d+$/, '') })), WALKED, TABLES);
const NO_ID = '00000000-0000-0000-0000-000000000000';

const planOf = (direction: string, step: number) =>
  planAsCaller(app, { subject: 'planner', agencyCode, roles: [Role.ANALYST] }, (caller) => trail.build(caller), {
    partyId: NO_ID, direction, step, maxDepth: 8, cap: 5000,
  });

describe('the money trail uses the indexes it follows', () => {
  it('following the money', async () => {
    const plan = await planOf('FOLLOW_MONEY', 1);
    expect(indexesUsed(plan)).toEqual(expect.arrayContaining(['payment_party_supplier_idx', 'PK_0f6325f5922d5fdd0ff6981e3a6']));
    expect(fullScans(plan)).toEqual([]);
  });

  it('towards the payers', async () => {
    const plan = await planOf('TOWARDS_PAYERS', -1);
    expect(indexesUsed(plan)).toEqual(expect.arrayContaining(['payment_party_supplier_idx', 'PK_0f6325f5922d5fdd0ff6981e3a6']));
    expect(fullScans(plan)).toEqual([]);
  });
});

// The join sighting_link makes (migrations: Sightings) of a new record's keys with everyone's in
// the sightings index, planned as the function's owner, since only the function reads the view.
const SIGHTING_JOIN = `SELECT other.record_kind, other.record_id
  FROM sighting_key mine
  JOIN sighting_key other ON other.scheme = mine.scheme AND other.value_key = mine.value_key AND other.agency_id <> mine.agency_id
 WHERE mine.record_kind = 'PAYMENT' AND mine.record_id = ANY($1)`;

describe("a payment's reference in the sightings index", () => {
  it('finds the other records holding it by index, never reading every payment', async () => {
    const [{ id }] = await app.query(`SELECT id FROM payment WHERE reference_key IS NOT NULL ORDER BY id LIMIT 1`);
    const nodes: PlanNode[] = await app.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL enable_seqscan = off');
      const [row] = await manager.query(`EXPLAIN (FORMAT JSON) ${SIGHTING_JOIN}`, [[id]]);
      const all: PlanNode[] = [];
      const visit = (node: PlanNode) => {
        all.push(node);
        node.Plans?.forEach(visit);
      };
      visit(row['QUERY PLAN'][0].Plan);
      return all;
    });
    // Each branch of the other side looks the key up: no scan of payments but by that key.
    const paymentScans = nodes.filter((n) => n['Relation Name'] === 'payment').map((n) => [n['Node Type'], n['Index Name'], n['Index Cond']]);
    expect(paymentScans).toEqual([
      ['Index Scan', 'PK_fcaec7df5adf9cac408c686b2ab', expect.stringMatching(/^\(id = ANY/)],
      ['Index Scan', 'payment_reference_key_idx', expect.stringMatching(/^\(reference_key = /)],
    ]);
    expect(indexesUsed(nodes)).toContain('supplier_identifier_key_idx');
  });
});
