import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Caller, CallerAgency, TokenClaims } from '../auth/caller';
import { beginAsCaller, type BindingClient } from './caller-binding';
import { DatabaseConnectionLost, isDatabaseUnavailable } from './database-unavailable';
import { nameStatementsOf } from './named-statements';

/**
 * One database transaction per request, opened on first use. It runs as the application's
 * database role with the caller bound in transaction-local settings, so row-level security
 * sees who is asking even where a query forgets its filter. Writes run in savepoints inside
 * it (`write`), so a refused mutation leaves nothing behind while the request goes on.
 */
export class RequestTransaction {
  private runner: QueryRunner | undefined;
  private opening: Promise<{ manager: EntityManager; caller: Caller }> | undefined;
  private finished = false;
  /** The connection failed mid-request: PostgreSQL rolled the transaction back; nothing more runs on it. */
  private connectionLost = false;
  /** A pooled connection was taken: it must be given back clean, or destroyed. */
  private connected = false;
  /** A write was applied (its savepoint released): the commit must then really happen. */
  private wrote = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: TokenClaims,
  ) {}

  /** The caller with their agency resolved (opens the transaction if needed). */
  async caller(): Promise<Caller> {
    return (await this.open()).caller;
  }

  /** An entity manager bound to this request's transaction. */
  async manager(): Promise<EntityManager> {
    return (await this.open()).manager;
  }

  /** Runs `work` in a savepoint: applied whole, or rolled back whole if it throws. */
  async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const { manager } = await this.open();
    const runner = manager.queryRunner!;
    await runner.startTransaction();
    try {
      const result = await work(manager);
      await runner.commitTransaction();
      this.wrote = true;
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }

  /**
   * Commits (or, if `ok` is false, rolls back) and gives the connection back. Whatever happened
   * before (the opening or the binding failed, a statement failed, the connection was lost), the
   * connection goes back to the pool outside any transaction, or is destroyed: a connection
   * left inside a transaction would fail every later request that gets it. When `ok` and a
   * write would be lost (the commit did not happen), this throws, so the request is never
   * acknowledged.
   */
  async finish(ok: boolean): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const runner = this.runner;
    if (!runner) return;
    // A request may end while its transaction is still opening, or after opening failed.
    const opened = await this.opening?.then(() => true, () => false);
    if (!this.connected) return void await releaseConnection(runner);
    try {
      if (this.connectionLost) throw new DatabaseConnectionLost();
      if (opened && ok) await commit(runner, this.wrote);
      // Also after a failed opening: ends whatever it began (a warning only when nothing began).
      else await runner.query('ROLLBACK');
      await releaseConnection(runner);
    } catch (error) {
      await releaseConnection(runner, error);
      if (ok) throw error;
    }
  }

  private open(): Promise<{ manager: EntityManager; caller: Caller }> {
    if (this.finished) return Promise.reject(new Error('the request transaction has already finished'));
    this.opening ??= (async () => {
      const runner = this.dataSource.createQueryRunner();
      this.runner = runner;
      serialiseQueries(runner, () => this.connectionLost, (error) => {
        if (isDatabaseUnavailable(error)) this.connectionLost = true;
      });
      const client = (await runner.connect()) as BindingClient & { query(...args: unknown[]): unknown };
      this.connected = true;
      nameStatementsOf(client);
      const agency: CallerAgency | null = await beginAsCaller(client, this.claims, (text) => runner.connection.logger.logQuery(text, [], runner))
        .catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) this.connectionLost = true;
          throw error;
        });
      markTransactionOpen(runner);
      const caller: Caller = {
        subject: this.claims.subject,
        agencyCode: this.claims.agencyCode,
        agency,
        roles: new Set(this.claims.roles),
      };
      return { manager: runner.manager, caller };
    })();
    return this.opening;
  }
}

/**
 * Tells TypeORM that the runner is inside a transaction it did not open itself (BEGIN went with
 * the caller binding, in one round trip), so that `write` takes savepoints inside it, as after
 * its own startTransaction().
 */
function markTransactionOpen(runner: QueryRunner): void {
  const state = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  state.isTransactionActive = true;
  state.transactionDepth = 1;
}

/**
 * COMMIT, checked: PostgreSQL answers COMMIT of a transaction in which a statement failed by
 * rolling it back without an error (command tag ROLLBACK). When the request wrote something,
 * that is a lost write and an error; a read that failed loses nothing, and its answer (with its
 * masked error) stands. Sent through the driver to read the tag, and logged like every other
 * statement, so statement counts stay true.
 */
async function commit(runner: QueryRunner, wrote: boolean): Promise<void> {
  runner.connection.logger.logQuery('COMMIT', [], runner);
  const client = (await runner.connect()) as { query(sql: string): Promise<{ command: string }> };
  const { command } = await client.query('COMMIT');
  if (command !== 'COMMIT' && wrote) throw new Error(`the transaction was not committed (PostgreSQL answered ${command})`);
}

/**
 * Gives the connection back to the pool, or, with an error, destroys it. TypeORM's `release()`
 * always pools the connection; its PostgreSQL runner's own release hands the error to
 * node-postgres, which then closes the connection instead.
 */
function releaseConnection(runner: QueryRunner, destroyBecause?: unknown): Promise<void> {
  if (runner.isReleased) return Promise.resolve();
  const release = (runner as unknown as { releasePostgresConnection(error?: unknown): Promise<void> }).releasePostgresConnection;
  return release.call(runner, destroyBecause === undefined ? undefined : destroyBecause ?? new Error('connection in an unknown state'));
}

/**
 * DataLoaders of one request fire queries concurrently, but one PostgreSQL connection runs one
 * statement at a time (node-postgres deprecates queueing them itself): queue them here. After
 * the connection is lost, queries fail at once with DatabaseConnectionLost.
 */
function serialiseQueries(runner: QueryRunner, lost: () => boolean, onError: (error: unknown) => void): void {
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  let tail: Promise<unknown> = Promise.resolve();
  runner.query = ((...args: unknown[]) => {
    const run = tail.then(() => {
      if (lost()) throw new DatabaseConnectionLost();
      return query(...args).catch((error: unknown) => {
        onError(error);
        throw error;
      });
    });
    tail = run.catch(() => undefined);
    return run;
  }) as QueryRunner['query'];
}
