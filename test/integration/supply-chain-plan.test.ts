import type { Caller } from '../../src/auth/caller';
import { Role } from '../../src/auth/roles';
import { readableBy } from '../../src/auth/visibility';
import { survivorJoin } from '../../src/modules/supplier/survivor-sql';
import { WalkQuery } from '../../src/modules/supply-chain/walk-query';
import { makeAgency } from '../factories/agency.factory';
import { fullScans as fullScansOf, indexesUsed, planAsCaller, type PlanNode } from '../setup/query-plans';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agencyCode: string;

beforeAll(async () => {
  app = await TestApp.start();
  agencyCode = (await makeAgency(app)).code;
});
afterAll(() => app.stop());

const claims = () => ({ subject: 'planner', agencyCode, roles: [Role.ANALYST] });

/** The plan PostgreSQL chooses for a walk (planned for its values, as walks always are: see PLANNED_FOR_ITS_VALUES). */
function planOf(file: string, parameters: Record<string, unknown>): Promise<PlanNode[]> {
  return planAsCaller(app, claims(), (caller) => new WalkQuery(file).build(caller), parameters);
}

// The tables the walk itself follows, by their aliases in the .sql files (row-level security's
// own subqueries on tiny tables may hash their table instead, which is the planner's sound choice).
const WALKED = new Set(['m', 'mi', 'sup', 'sender', 'receiver', 'recorded']);
const fullScans = (nodes: PlanNode[]) => fullScansOf(nodes, WALKED, ['movement', 'movement_item', 'supplier']);

const NO_ID = '00000000-0000-0000-0000-000000000000';

describe('supply-chain walks use the indexes they follow', () => {
  it('upstream: items to movements, then movements by receiver', async () => {
    const plan = await planOf('upstream.sql', { itemId: NO_ID, seizureId: null, maxDepth: 10, cap: 5000 });
    expect(indexesUsed(plan)).toEqual(expect.arrayContaining(['movement_item_item_idx', 'movement_to_supplier_idx']));
    expect(fullScans(plan)).toEqual([]);
  });

  it('downstream: movements by sender, then the items they carried', async () => {
    const plan = await planOf('downstream.sql', { supplierId: NO_ID, maxDepth: 10, cap: 5000 });
    expect(indexesUsed(plan)).toContain('movement_from_supplier_idx');
    expect(fullScans(plan)).toEqual([]);
  });
});

describe('a merged supplier stands for its survivor, through an index', () => {
  /** Readable suppliers by the ids they stand for, with `survivor` joined as `join` writes it. */
  const bySurvivor = (join: string) => (caller: Caller) => {
    const visible = readableBy('sup', caller);
    return {
      sql: `SELECT sup.id FROM unnest(CAST(:ids AS uuid[])) AS x(id) ${join} JOIN supplier sup ON sup.id = survivor.id WHERE ${visible.clause}`,
      params: visible.params,
    };
  };

  it('the survivor helper lets the join on supplier use its key under row-level security', async () => {
    const plan = await planAsCaller(app, claims(), bySurvivor(survivorJoin('x.id', 'survivor')), { ids: [NO_ID] });
    expect(plan.filter((n) => n.Alias === 'sup').map((n) => n['Index Cond'])).toEqual([expect.stringContaining('survivor')]);
    expect(fullScans(plan)).toEqual([]);
  });

  it('where coalesce() in its place leaves the whole table scanned (why the helper is a CASE)', async () => {
    const coalesced = `LEFT JOIN supplier_merge m ON m.merged_id = x.id
      CROSS JOIN LATERAL (SELECT coalesce(m.survivor_id, x.id) AS id) AS survivor`;
    const plan = await planAsCaller(app, claims(), bySurvivor(coalesced), { ids: [NO_ID] });
    expect(fullScans(plan)).not.toEqual([]);
  });
});
