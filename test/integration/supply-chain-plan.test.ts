import type { Caller } from '../../src/auth/caller';
import { Role } from '../../src/auth/roles';
import { readableBy } from '../../src/auth/visibility';
import { RequestTransaction } from '../../src/db/request-transaction';
import { survivorJoin } from '../../src/modules/supplier/survivor-sql';
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

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** The plan PostgreSQL chooses for a walk, as the caller, with sequential scans priced out (tables here are tiny). */
function planOf(file: string, parameters: Record<string, unknown>, options: { generic?: boolean } = {}): Promise<PlanNode[]> {
  return planAsCaller((caller) => new WalkQuery(file).build(caller), parameters, options);
}

/** A test value (text, number, null, or a list of texts) as an SQL literal. */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  const text = Array.isArray(value) ? `{${value.map((v) => `"${String(v)}"`).join(',')}}` : String(value);
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * The plan as `planOf`, or (`generic`) the generic plan PostgreSQL may keep for the statement
 * once prepared (the registry names its statements, and after five runs PostgreSQL may stop
 * planning them for their values): planned for no values at all.
 */
async function planAsCaller(
  build: (caller: Caller) => { sql: string; params: Record<string, unknown> },
  parameters: Record<string, unknown>,
  options: { generic?: boolean } = {},
): Promise<PlanNode[]> {
  const tx = new RequestTransaction(app.dataSource, { subject: 'planner', agencyCode, roles: [Role.ANALYST] });
  try {
    const manager = await tx.manager();
    await manager.query('SET LOCAL enable_seqscan = off');
    const { sql, params } = build(await tx.caller());
    const [query, values] = app.dataSource.driver.escapeQueryWithParameters(sql, { ...params, ...parameters });
    let explain = `EXPLAIN (FORMAT JSON) ${query}`;
    if (options.generic) {
      await manager.query(`SET LOCAL plan_cache_mode = force_generic_plan`);
      await manager.query(`PREPARE planned AS ${query}`);
      // EXECUTE takes its values in its text (a utility statement has no parameters).
      explain = `EXPLAIN (FORMAT JSON) EXECUTE planned(${values.map(literal).join(', ')})`;
    }
    const rows: Array<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }> = await manager.query(explain, options.generic ? [] : values);
    if (options.generic) await manager.query('DEALLOCATE planned');
    const nodes: PlanNode[] = [];
    const visit = (node: PlanNode) => {
      nodes.push(node);
      node.Plans?.forEach(visit);
    };
    visit(rows[0]['QUERY PLAN'][0].Plan);
    return nodes;
  } finally {
    await tx.finish(false);
  }
}

// The tables the walk itself follows, by their aliases in the .sql files (row-level security's
// own subqueries on tiny tables may hash their table instead, which is the planner's sound choice).
const WALKED = new Set(['m', 'mi', 'sup', 'sender', 'receiver', 'recorded']);

/**
 * Scans of walked tables that do not narrow by an index condition: a sequential scan, or an
 * index scan over the whole index (what a possibly leaky join condition under row-level
 * security leaves the planner with).
 */
function fullScans(nodes: PlanNode[]): string[] {
  return nodes
    .filter((n) => n.Alias && WALKED.has(n.Alias) && ['movement', 'movement_item', 'supplier'].includes(n['Relation Name'] ?? ''))
    .filter((n) => n['Node Type'] === 'Seq Scan' || (/^Index( Only)? Scan$/.test(n['Node Type']) && !n['Index Cond']))
    .map((n) => `${n['Node Type']} on ${n['Relation Name']} ${n.Alias}`);
}

const indexesUsed = (nodes: PlanNode[]) => nodes.map((n) => n['Index Name']).filter(Boolean);

const NO_ID = '00000000-0000-0000-0000-000000000000';

describe.each([
  ['planned for its values', false],
  ['in the generic plan of its prepared statement', true],
])('supply-chain walks use the indexes they follow, %s', (_, generic) => {
  it('upstream: items to movements, then movements by receiver', async () => {
    const plan = await planOf('upstream.sql', { itemId: NO_ID, seizureId: null, maxDepth: 10, cap: 5000 }, { generic });
    expect(indexesUsed(plan)).toEqual(expect.arrayContaining(['movement_item_item_idx', 'movement_to_supplier_idx']));
    expect(fullScans(plan)).toEqual([]);
  });

  it('downstream: movements by sender, then the items they carried', async () => {
    const plan = await planOf('downstream.sql', { supplierId: NO_ID, maxDepth: 10, cap: 5000 }, { generic });
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
    const plan = await planAsCaller(bySurvivor(survivorJoin('x.id', 'survivor')), { ids: [NO_ID] });
    expect(plan.filter((n) => n.Alias === 'sup').map((n) => n['Index Cond'])).toEqual([expect.stringContaining('survivor')]);
    expect(fullScans(plan)).toEqual([]);
  });

  it('where coalesce() in its place leaves the whole table scanned (why the helper is a CASE)', async () => {
    const coalesced = `LEFT JOIN supplier_merge m ON m.merged_id = x.id
      CROSS JOIN LATERAL (SELECT coalesce(m.survivor_id, x.id) AS id) AS survivor`;
    const plan = await planAsCaller(bySurvivor(coalesced), { ids: [NO_ID] });
    expect(fullScans(plan)).not.toEqual([]);
  });
});
