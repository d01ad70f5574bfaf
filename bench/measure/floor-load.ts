import type { Pool } from 'pg';
import type { TokenClaims } from '../../src/auth/caller';
import { inCallerTransaction, type SqlWork } from '../scenarios/sql-session';
import { summarise, type LoadSummary } from './summary';

export interface FloorLoadOptions {
  pool: Pool;
  claims: TokenClaims;
  work: SqlWork;
  connections: number;
  seconds: number;
  nextParams(): unknown;
}

/** A baseline's answer is a failure when it carries user errors (e.g. a duplicate reference), as a payload would. */
export function answeredWithoutUserErrors(answer: unknown): boolean {
  const userErrors = (answer as { userErrors?: unknown[] } | null)?.userErrors;
  return !Array.isArray(userErrors) || userErrors.length === 0;
}

/** The same test on a baseline route's JSON body. */
export const baselineBodySucceeded = (body: string) => body.startsWith('{"data"') && !body.includes('"userErrors":[{');

/**
 * The floor: the scenario's SQL through `pg` in this process, no HTTP, no GraphQL, no ORM,
 * `connections` callers looping for a fixed time, each request one caller-bound transaction.
 */
export async function floorLoad(options: FloorLoadOptions): Promise<LoadSummary & { statementsPerRequest: number }> {
  const latencies: number[] = [];
  let failed = 0;
  let statements = 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;
  const caller = async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        const result = await inCallerTransaction(options.pool, options.claims, options.work, options.nextParams());
        if (!answeredWithoutUserErrors(result.answer)) {
          failed++;
          continue;
        }
        latencies.push(performance.now() - t0);
        statements += result.statements;
      } catch {
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, caller));
  const summary = summarise(latencies, failed, (performance.now() - started) / 1000);
  return { ...summary, statementsPerRequest: latencies.length > 0 ? statements / latencies.length : NaN };
}
