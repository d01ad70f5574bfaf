import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Distinct operation names kept as label values; later ones count as `other` (clients choose names). */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export interface RegistryMetrics {
  readonly registry: Registry;
  /** One GraphQL operation answered: its name and type, how long it took, and the error codes it returned. */
  observeOperation(name: string | null | undefined, type: string | null | undefined, seconds: number, errorCodes: string[]): void;
  /** One HTTP request answered on a known route, and the error codes of a refusal made before GraphQL ran. */
  observeHttp(route: string, status: number, errorCodes: string[]): void;
  /** One round of a caller's subscriptions: how long it took (from waiting for a connection to its commit) and how many changes it read. */
  observeSubscriptionRound(seconds: number, changes: number): void;
  /** Where the open subscriptions and the callers they belong to are counted from (the subscription server's). */
  watchSubscriptions(count: () => { subscriptions: number; callers: number }): void;
}

/**
 * The registry's Prometheus metrics (served at GET /metrics): GraphQL requests and latency by
 * operation, errors by code, HTTP requests by route and status, the connection pool's in-use,
 * idle and waiting counts, open subscriptions and their rounds, and Node's process metrics. One registry per server, so servers in
 * one process (tests) do not share counts.
 */
export function createMetrics(pool: () => Pool | undefined): RegistryMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const operations = new Histogram({
    name: 'registry_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation name and type, and how long they took',
    labelNames: ['operation', 'type'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const errors = new Counter({ name: 'registry_graphql_errors_total', help: 'GraphQL errors returned, by code', labelNames: ['code'], registers });
  const http = new Counter({ name: 'registry_http_requests_total', help: 'HTTP requests by route and status', labelNames: ['route', 'status'], registers });
  new Gauge({
    name: 'registry_db_pool_connections',
    help: 'Database pool connections: in use, idle, and requests waiting for one',
    labelNames: ['state'],
    registers,
    collect() {
      const current = pool();
      this.set({ state: 'in_use' }, current ? current.totalCount - current.idleCount : 0);
      this.set({ state: 'idle' }, current?.idleCount ?? 0);
      this.set({ state: 'waiting' }, current?.waitingCount ?? 0);
    },
  });

  let subscriptionCount: () => { subscriptions: number; callers: number } = () => ({ subscriptions: 0, callers: 0 });
  new Gauge({
    name: 'registry_subscriptions',
    help: 'Open subscriptions (WebSocket) of this process, and the callers they belong to (each caller\'s are read in one round)',
    labelNames: ['count'],
    registers,
    collect() {
      const { subscriptions, callers } = subscriptionCount();
      this.set({ count: 'subscriptions' }, subscriptions);
      this.set({ count: 'callers' }, callers);
    },
  });
  const rounds = new Histogram({
    name: 'registry_subscription_round_duration_seconds',
    help: 'Rounds of a caller\'s subscriptions (a read of the change feed and its delivery), from asking for a connection to the commit',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });
  const roundChanges = new Counter({ name: 'registry_subscription_changes_read_total', help: 'Changes read from the feed by subscription rounds', registers });

  const names = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name || !OPERATION_NAME.test(name)) return 'anonymous';
    if (names.has(name)) return name;
    if (names.size >= MAX_OPERATION_NAMES) return 'other';
    names.add(name);
    return name;
  };
  const countErrors = (codes: string[]) => codes.forEach((code) => errors.inc({ code }));

  return {
    registry,
    observeOperation(name, type, seconds, errorCodes) {
      operations.observe({ operation: operationLabel(name), type: type ?? 'unknown' }, seconds);
      countErrors(errorCodes);
    },
    observeHttp(route, status, errorCodes) {
      http.inc({ route, status: String(status) });
      countErrors(errorCodes);
    },
    observeSubscriptionRound(seconds, changes) {
      rounds.observe(seconds);
      roundChanges.inc(changes);
    },
    watchSubscriptions(count) {
      subscriptionCount = count;
    },
  };
}
