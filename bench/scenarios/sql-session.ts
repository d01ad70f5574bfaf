import type { Pool, PoolClient } from 'pg';
import type { Caller, TokenClaims } from '../../src/auth/caller';
import { readableBy } from '../../src/auth/visibility';
import { beginAsCaller } from '../../src/db/caller-binding';
import { toGlobalId } from '../../src/graphql/relay/global-id';

/** One request's transaction on a plain `pg` connection, as the caller: what the baselines run their SQL in. */
export interface SqlSession {
  caller: Caller;
  query<R = any>(sql: string, values?: unknown[]): Promise<R[]>;
  /** The caller's visibility condition on `alias`, the same one the services use, with its values from `$first`. */
  readable(alias: string, first: number): { clause: string; values: unknown[] };
}

/** The same SQL as a service, without GraphQL or the ORM: params are JSON, the answer is JSON. */
export type SqlWork = (session: SqlSession, params: any) => Promise<unknown>;

/**
 * Runs `work` the way a registry request runs: BEGIN with the same caller binding statement
 * (application role, agency and subject for row-level security) in one round trip, the work,
 * COMMIT. Counts the statements sent (BEGIN and the binding as one, as the registry counts them).
 */
export async function inCallerTransaction(pool: Pool, claims: TokenClaims, work: SqlWork, params: unknown): Promise<{ answer: unknown; statements: number }> {
  const client: PoolClient = await pool.connect();
  let statements = 0;
  const query = async (sql: string, values?: unknown[]) => {
    statements++;
    return (await client.query(sql, values)).rows;
  };
  try {
    const agency = await beginAsCaller(client, claims, () => statements++);
    const caller: Caller = { subject: claims.subject, agencyCode: claims.agencyCode, agency, roles: new Set(claims.roles) };
    const session: SqlSession = { caller, query, readable: (alias, first) => positional(readableBy(alias, caller), first) };
    const answer = await work(session, params);
    await query('COMMIT');
    return { answer, statements };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A condition written with `:name` parameters (TypeORM style) as `$n` placeholders numbered
 * from `first`, with the values in order. Casts (`::type`) are left alone.
 */
export function positional(condition: { clause: string; params: Record<string, unknown> }, first = 1): { clause: string; values: unknown[] } {
  const order: string[] = [];
  const clause = condition.clause.replace(/(?<!:):(\w+)/g, (_, name: string) => {
    if (!order.includes(name)) order.push(name);
    return `$${first + order.indexOf(name)}`;
  });
  return { clause, values: order.map((name) => condition.params[name]) };
}

/** `($1, $2), ($3, $4)` for 2 rows of 2 columns. */
export function placeholders(rows: number, columns: number): string {
  return Array.from({ length: rows }, (_, r) => `(${Array.from({ length: columns }, (_, c) => `$${r * columns + c + 1}`).join(', ')})`).join(', ');
}

/** The audit event a successful write stores, as the registry writes it: the caller, the operation and the record's global id. */
export async function auditSuccess(session: SqlSession, operation: string, type: string, id: string): Promise<void> {
  const { subject, agency } = session.caller;
  await session.query(
    `INSERT INTO audit_event (actor, agency_code, agency_id, operation, outcome, entity_ids, request_id, client_address, justification)
     VALUES ($1, $2, $3, $4, 'SUCCESS', $5, gen_random_uuid()::text, '127.0.0.1', NULL)`,
    [subject, agency!.code, agency!.id, operation, [toGlobalId(type, id)]],
  );
}
