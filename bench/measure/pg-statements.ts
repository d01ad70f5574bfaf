import type { ClientBase } from 'pg';

/** Where the benchmark creates the pg_stat_statements view: a schema of its own, out of `public` (which the peer exposes). */
const STATS_SCHEMA = 'bench_stats';

/** What PostgreSQL has spent on statements so far, summed over every statement of the cluster. */
export interface StatementTotals {
  /** total_exec_time + total_plan_time, in milliseconds. */
  ms: number;
  calls: number;
}

export interface StatementStats {
  totals(): Promise<StatementTotals>;
}

/**
 * PostgreSQL's time per statement from pg_stat_statements, when the cluster preloads it (the
 * benchmark's own does, see bench/database/bench-postgres.ts); null when it does not (a
 * DATABASE_URL given as it is). The view's own reads are left out of the sums.
 */
export async function statementStats(client: ClientBase): Promise<StatementStats | null> {
  const { rows } = await client.query(`SELECT current_setting('shared_preload_libraries') AS libraries`);
  if (!String(rows[0].libraries).split(',').map((l) => l.trim()).includes('pg_stat_statements')) return null;
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${STATS_SCHEMA}`);
  await client.query(`CREATE EXTENSION IF NOT EXISTS pg_stat_statements SCHEMA ${STATS_SCHEMA}`);
  return {
    async totals() {
      const result = await client.query(
        `SELECT coalesce(sum(total_exec_time + total_plan_time), 0)::float8 AS ms, coalesce(sum(calls), 0)::float8 AS calls
           FROM ${STATS_SCHEMA}.pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'`,
      );
      return { ms: result.rows[0].ms, calls: result.rows[0].calls };
    },
  };
}
