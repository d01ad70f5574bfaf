import type { Caller, TokenClaims } from '../../src/auth/caller';
import { RequestTransaction } from '../../src/db/request-transaction';
import type { TestApp } from './test-app';

/** A node of PostgreSQL's EXPLAIN (FORMAT JSON) plan. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  Alias?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** A statement to plan: with TypeORM `:name` parameters (completed by `parameters`), or as it is sent (`$n` and values). */
export type Statement = { sql: string; params: Record<string, unknown> } | { query: string; values: unknown[] };

/** A test value (text, number, null, or a list of texts) as an SQL literal. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  const text = Array.isArray(value) ? `{${value.map((v) => `"${String(v)}"`).join(',')}}` : String(value);
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Every node of the plan PostgreSQL chooses for a statement, as
 * the caller, with sequential scans priced out (tables in tests are tiny). `generic`: the
 * generic plan PostgreSQL may keep for the statement once prepared (the registry names its
 * statements, and after five runs PostgreSQL may stop planning them for their values);
 * `nestedLoops`: joins by nested loops only.
 */
export async function planAsCaller(
  app: TestApp,
  claims: TokenClaims,
  build: (caller: Caller, tx: RequestTransaction) => Promise<Statement> | Statement,
  parameters: Record<string, unknown>,
  options: { generic?: boolean; nestedLoops?: boolean } = {},
): Promise<PlanNode[]> {
  const tx = new RequestTransaction(app.dataSource, claims);
  try {
    const manager = await tx.manager();
    await manager.query('SET LOCAL enable_seqscan = off');
    // On tiny tables a hash join reading a whole table is the planner's sound choice; with joins
    // by nested loops only, a scan without an index condition means the join cannot use one.
    if (options.nestedLoops) await manager.query('SET LOCAL enable_hashjoin = off; SET LOCAL enable_mergejoin = off');
    const built = await build(await tx.caller(), tx);
    const [query, values] = 'sql' in built
      ? app.dataSource.driver.escapeQueryWithParameters(built.sql, { ...built.params, ...parameters })
      : [built.query, built.values];
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

/**
 * Scans of these tables (by alias) that do not narrow by an index condition: a sequential
 * scan, or an index scan over the whole index (what a possibly leaky join condition under
 * row-level security leaves the planner with).
 */
export function fullScans(nodes: PlanNode[], aliases: ReadonlySet<string>, relations: readonly string[]): string[] {
  return nodes
    .filter((n) => n.Alias && aliases.has(n.Alias) && relations.includes(n['Relation Name'] ?? ''))
    .filter((n) => n['Node Type'] === 'Seq Scan' || (/^Index( Only)? Scan$/.test(n['Node Type']) && !n['Index Cond']))
    .map((n) => `${n['Node Type']} on ${n['Relation Name']} ${n.Alias}`);
}

export const indexesUsed = (nodes: PlanNode[]) => nodes.map((n) => n['Index Name']).filter(Boolean);
