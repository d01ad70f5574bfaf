import type { StatementStats } from './pg-statements';
import { cpuMsOf } from './proc-stat';

/** What one request cost, over a measured run. */
export interface CpuPerRequest {
  /** CPU time (user + system, /proc) of the Node process serving the requests, per request, in ms; null off Linux. */
  nodeCpuMsPerRequest: number | null;
  /**
   * Time PostgreSQL spent executing and planning statements, per request, in ms (pg_stat_statements,
   * every statement of the cluster in the run); null when the cluster does not keep those statistics.
   */
  postgresMsPerRequest: number | null;
}

/** Starts counting: `stop(requests)` at the end of the run divides what was spent since by the requests it served. */
export async function cpuPerRequest(pid: number, statements: StatementStats | null): Promise<{ stop(requests: number): Promise<CpuPerRequest> }> {
  const nodeBefore = cpuMsOf(pid);
  const pgBefore = statements ? await statements.totals() : null;
  return {
    async stop(requests) {
      const nodeAfter = cpuMsOf(pid);
      const pgAfter = statements ? await statements.totals() : null;
      const per = (spent: number) => (requests > 0 ? spent / requests : NaN);
      return {
        nodeCpuMsPerRequest: nodeBefore === null || nodeAfter === null ? null : per(nodeAfter - nodeBefore),
        postgresMsPerRequest: pgBefore === null || pgAfter === null ? null : per(pgAfter.ms - pgBefore.ms),
      };
    },
  };
}
