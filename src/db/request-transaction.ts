import type { DataSource, EntityManager, QueryRunner } from 'typeorm';
import type { Caller, CallerAgency, TokenClaims } from '../auth/caller';
import { bindCaller } from './caller-binding';
import { DatabaseConnectionLost, isDatabaseUnavailable } from './database-unavailable';

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
      return result;
    } catch (error) {
      await runner.rollbackTransaction();
      throw error;
    }
  }

  /** Commits (or, if `ok` is false, rolls back) and returns the connection to the pool. */
  async finish(ok: boolean): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    const runner = this.runner;
    if (!runner) return;
    if (this.connectionLost) {
      if (!runner.isReleased) await runner.release().catch(() => undefined);
      if (ok) throw new DatabaseConnectionLost();
      return;
    }
    try {
      // A request may end while its transaction is still opening, or after opening failed.
      const opened = await this.opening?.then(() => true, () => false);
      if (opened && runner.isTransactionActive) {
        if (ok) await runner.commitTransaction();
        else await runner.rollbackTransaction();
      }
    } finally {
      await runner.release();
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
      await runner.connect();
      await runner.startTransaction();
      const agency: CallerAgency | null = await bindCaller(runner, this.claims);
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
