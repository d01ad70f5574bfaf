import type { Pool } from 'pg';
import type { TokenClaims } from '../../src/auth/caller';
import type { PeerProcess } from '../peer/postgraphile-process';
import { assertSameRecords } from '../peer/same-records';
import { BASELINES } from '../scenarios/baselines';
import { inCallerTransaction } from '../scenarios/sql-session';
import type { Layer, Scenario } from '../scenarios/scenario';
import type { ServerProcess } from '../server/server-process';
import { cpuPerRequest, type CpuPerRequest } from './cpu-per-request';
import { baselineBodySucceeded, floorLoad } from './floor-load';
import { httpLoad } from './http-load';
import { sampleMemory } from './memory-sampler';
import type { StatementStats } from './pg-statements';
import type { LoadSummary } from './summary';

export interface Measurement extends LoadSummary, CpuPerRequest {
  layer: Layer;
  /**
   * SQL statements one request sends (registry: counted by its TypeORM logger; baselines: by the
   * session; peer: pg_stat_statements calls, null without it).
   */
  statementsPerRequest: number | null;
  /** Peak resident memory of the server process while measuring; null for the in-process floor. */
  serverPeakRssBytes: number | null;
  /** Mean size of a successful HTTP answer (headers included); null for the floor. */
  meanResponseBytes: number | null;
}

export interface ScenarioResult {
  name: string;
  title: string;
  measurements: Measurement[];
}

export interface RunContext {
  server: ServerProcess;
  /** PostGraphile over the same database; null when the run skips the peer. */
  peer: PeerProcess | null;
  token: string;
  claims: TokenClaims;
  floorPool: Pool;
  /** PostgreSQL's statement times (pg_stat_statements); null when the cluster does not keep them. */
  statements: StatementStats | null;
  /** Whether the peer's backends are all idle (its abandoned requests done). */
  peerQuiet(): Promise<boolean>;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  log(line: string): void;
}

const PROBE_REQUESTS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until requests abandoned by the last load run (the server still runs them) have finished. */
async function quiet(context: RunContext): Promise<void> {
  for (let waited = 0; (await context.server.stats()).inFlight > 0 || !(await context.peerQuiet()); waited += 50) {
    if (waited > 120_000) throw new Error('a server still has requests in flight after two minutes');
    await sleep(50);
  }
}

/** Measures one scenario in each layer: a sequential probe for statements per request, warm-up, then the fixed-duration run. */
export async function runScenario(scenario: Scenario, layers: Layer[], context: RunContext): Promise<ScenarioResult> {
  const measurements: Measurement[] = [];
  for (const layer of layers) {
    if ((layer === 'http-baseline' || layer === 'floor') && !scenario.baseline) continue;
    if (layer === 'peer' && (!scenario.peer || !context.peer)) continue;
    const measurement = layer === 'floor' ? await floor(scenario, context) : await overHttp(scenario, layer, context);
    measurements.push(measurement);
    const per = (value: number | null, unit: string) => (value === null ? '' : `, ${value.toFixed(2)} ${unit}`);
    context.log(
      `${scenario.name} [${layer}] ${measurement.requestsPerSecond.toFixed(0)} req/s, p50 ${measurement.p50Ms.toFixed(1)} ms, ` +
        `p95 ${measurement.p95Ms.toFixed(1)} ms, ${measurement.statementsPerRequest?.toFixed(1) ?? '—'} SQL/req` +
        per(measurement.nodeCpuMsPerRequest, 'ms Node CPU/req') + per(measurement.postgresMsPerRequest, 'ms PostgreSQL/req') +
        (measurement.failed > 0 ? `, ${measurement.failed} FAILED` : ''),
    );
  }
  return { name: scenario.name, title: scenario.title, measurements };
}

/** Where a layer over HTTP is served, what it is sent, and how its statements are counted. */
function target(scenario: Scenario, layer: Layer, context: RunContext) {
  const { server } = context;
  if (layer === 'peer') {
    const peer = context.peer!;
    return {
      baseUrl: peer.baseUrl, path: '/graphql', pid: peer.pid, rssBytes: () => peer.rssBytes(),
      body: (n: number) => scenario.peer!.graphql(scenario.params(n, layer)), succeeded: scenario.peer!.succeeded,
    };
  }
  const graphql = layer === 'graphql';
  return {
    baseUrl: server.baseUrl, path: graphql ? '/graphql' : `/bench/baseline/${scenario.baseline}`, pid: server.pid, rssBytes: () => server.rssBytes(),
    body: (n: number) => (graphql ? scenario.graphql(scenario.params(n, layer)) : scenario.params(n, layer)),
    succeeded: graphql ? scenario.succeeded : baselineBodySucceeded,
  };
}

/** Statements sent by `probe`, as this layer counts them. */
async function countStatements(layer: Layer, context: RunContext, probe: () => Promise<void>): Promise<number | null> {
  if (layer === 'peer') {
    if (!context.statements) {
      await probe();
      return null;
    }
    const before = await context.statements.totals();
    await probe();
    return (await context.statements.totals()).calls - before.calls;
  }
  const before = await context.server.stats();
  await probe();
  const after = await context.server.stats();
  return layer === 'graphql' ? after.registryStatements - before.registryStatements : after.baselineStatements - before.baselineStatements;
}

async function overHttp(scenario: Scenario, layer: Layer, context: RunContext): Promise<Measurement> {
  const served = target(scenario, layer, context);
  let n = 0;
  const body = () => JSON.stringify(served.body(n++));
  const load = (seconds: number) => httpLoad({
    baseUrl: served.baseUrl, path: served.path, connections: context.connections, seconds,
    headers: { authorization: `Bearer ${context.token}` }, nextBody: body, succeeded: served.succeeded,
  });

  // The peer must answer the registry's records before it is timed.
  if (layer === 'peer') await assertSameRecords(scenario, context.server.baseUrl, served.baseUrl, context.token);
  // The probe goes first, so every layer counts the statements of the same first requests.
  await quiet(context);
  n = 0;
  const counted = await countStatements(layer, context, async () => {
    for (let i = 0; i < PROBE_REQUESTS; i++) {
      const res = await fetch(`${served.baseUrl}${served.path}`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${context.token}` }, body: body(),
      });
      const text = await res.text();
      if (res.status !== 200 || !served.succeeded(text)) throw new Error(`${scenario.name} [${layer}] failed: ${res.status} ${text.slice(0, 500)}`);
    }
  });
  if (context.warmupSeconds > 0) await load(context.warmupSeconds);
  // The warm-up's abandoned requests would hold pooled connections into the measured run.
  await quiet(context);

  const memory = sampleMemory(served.rssBytes);
  const cpu = await cpuPerRequest(served.pid, context.statements);
  const summary = await load(context.seconds);
  return {
    layer, ...summary, ...(await cpu.stop(summary.requests)),
    statementsPerRequest: counted === null ? null : counted / PROBE_REQUESTS, serverPeakRssBytes: memory.stop(),
  };
}

async function floor(scenario: Scenario, context: RunContext): Promise<Measurement> {
  let n = 0;
  const work = BASELINES[scenario.baseline!];
  const run = (seconds: number) => floorLoad({
    pool: context.floorPool, claims: context.claims, work, connections: context.connections, seconds,
    nextParams: () => scenario.params(n++, 'floor'),
  });
  await quiet(context);
  let counted = 0;
  for (let i = 0; i < PROBE_REQUESTS; i++) counted += (await inCallerTransaction(context.floorPool, context.claims, work, scenario.params(n++, 'floor'))).statements;
  if (context.warmupSeconds > 0) await run(context.warmupSeconds);
  // The floor is served by this process.
  const cpu = await cpuPerRequest(process.pid, context.statements);
  const { statementsPerRequest: _, ...summary } = await run(context.seconds);
  return {
    layer: 'floor', ...summary, ...(await cpu.stop(summary.requests)),
    statementsPerRequest: counted / PROBE_REQUESTS, serverPeakRssBytes: null, meanResponseBytes: null,
  };
}
