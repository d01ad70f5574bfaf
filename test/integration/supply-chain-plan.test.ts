import { Role } from '../../src/auth/roles';
import { RequestTransaction } from '../../src/db/request-transaction';
import { WalkQuery } from '../../src/modules/supply-chain/walk-query';
import { makeAgency } from '../factories/agency.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agencyCode: string;

beforeAll(async () => {
  app = await TestApp.start();
  agencyCode = (await makeAgency(app)).code;
});
afterAll(() => app.stop());

/** The plan PostgreSQL chooses for a walk, as the caller, with sequential scans priced out (tables here are tiny). */
async function planOf(file: string, parameters: Record<string, unknown>): Promise<string> {
  const tx = new RequestTransaction(app.dataSource, { subject: 'planner', agencyCode, roles: [Role.ANALYST] });
  try {
    const manager = await tx.manager();
    await manager.query('SET LOCAL enable_seqscan = off');
    const { sql, params } = new WalkQuery(file).build(await tx.caller());
    const [query, values] = app.dataSource.driver.escapeQueryWithParameters(sql, { ...params, ...parameters });
    const rows: Array<{ 'QUERY PLAN': string }> = await manager.query(`EXPLAIN ${query}`, values);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await tx.finish(false);
  }
}

// A full scan of a table the walk itself follows (aliases m, sup, mi; row-level security's own
// subqueries on tiny tables may hash their table instead, which is the planner's sound choice).
const WALK_SEQ_SCAN = /Seq Scan on (movement m|supplier sup|movement_item mi)\b/;

const NO_ID = '00000000-0000-0000-0000-000000000000';

describe('supply-chain walks use the indexes they follow', () => {
  it('upstream: items to movements, then movements by receiver', async () => {
    const plan = await planOf('upstream.sql', { itemId: NO_ID, seizureId: null, maxDepth: 10, cap: 5000 });
    expect(plan).toContain('movement_item_item_idx');
    expect(plan).toContain('movement_to_supplier_idx');
    expect(plan).not.toMatch(WALK_SEQ_SCAN);
  });

  it('downstream: movements by sender, then the items they carried', async () => {
    const plan = await planOf('downstream.sql', { supplierId: NO_ID, maxDepth: 10, cap: 5000 });
    expect(plan).toContain('movement_from_supplier_idx');
    expect(plan).not.toMatch(WALK_SEQ_SCAN);
  });
});
