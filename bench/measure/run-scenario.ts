import type { Pool } from 'pg';
import type { TokenClaims } from '../../src/auth/caller';
import { BASELINES } from '../scenarios/baselines';
import { inCallerTransaction } from '../scenarios/sql-session';
import type { Layer, Scenario } from '../scenarios/scenario';
import type { ServerProcess } from '../server/server-process';
import { baselineBodySucceeded, floorLoad } from './floor-load';
import { httpLoad } from './http-load';
import { sampleMemory } from './memory-sampler';
import type { LoadSummary } from './summary';

export interface Measurement extends LoadSummary {
  layer: Layer;
  /** SQL statements one request sends (registry: counted by its TypeORM logger; baselines: by the session). */
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
  token: string;
  claims: TokenClaims;
  floorPool: Pool;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  log(line: string): void;
}

const PROBE_REQUESTS = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until requests abandoned by the last load run (the server still runs them) have finished. */
async function quiet(server: ServerProcess): Promise<void> {
  for (let waited = 0; (await server.stats()).inFlight > 0; waited += 50) {
    if (waited > 120_000) throw new Error('the server still has requests in flight after two minutes');
    await sleep(50);
  }
}

/** Measures one scenario in each layer: a sequential probe for statements per request, warm-up, then the fixed-duration run. */
export async function runScenario(scenario: Scenario, layers: Layer[], context: RunContext): Promise<ScenarioResult> {
  const measurements: Measurement[] = [];
  for (const layer of layers) {
    if (layer !== 'graphql' && !scenario.baseline) continue;
    const measurement = layer === 'floor' ? await floor(scenario, context) : await overHttp(scenario, layer, context);
    measurements.push(measurement);
    context.log(
      `${scenario.name} [${layer}] ${measurement.requestsPerSecond.toFixed(0)} req/s, p50 ${measurement.p50Ms.toFixed(1)} ms, ` +
        `p95 ${measurement.p95Ms.toFixed(1)} ms, ${measurement.statementsPerRequest?.toFixed(1)} SQL/req` +
        (measurement.failed > 0 ? `, ${measurement.failed} FAILED` : ''),
    );
  }
  return { name: scenario.name, title: scenario.title, measurements };
}

async function overHttp(scenario: Scenario, layer: Layer, context: RunContext): Promise<Measurement> {
  const { server } = context;
  let n = 0;
  const graphql = layer === 'graphql';
  const path = graphql ? '/graphql' : `/bench/baseline/${scenario.baseline}`;
  const body = () => JSON.stringify(graphql ? scenario.graphql(scenario.params(n++, layer)) : scenario.params(n++, layer));
  const succeeded = graphql ? scenario.succeeded : baselineBodySucceeded;
  const load = (seconds: number) => httpLoad({
    baseUrl: server.baseUrl, path, connections: context.connections, seconds,
    headers: { authorization: `Bearer ${context.token}` }, nextBody: body, succeeded,
  });

  // The probe goes first, so every layer counts the statements of the same first requests.
  await quiet(server);
  const before = await server.stats();
  for (let i = 0; i < PROBE_REQUESTS; i++) {
    const res = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${context.token}` }, body: body(),
    });
    const text = await res.text();
    if (res.status !== 200 || !succeeded(text)) throw new Error(`${scenario.name} [${layer}] failed: ${res.status} ${text.slice(0, 500)}`);
  }
  const after = await server.stats();
  const counted = graphql ? after.registryStatements - before.registryStatements : after.baselineStatements - before.baselineStatements;
  if (context.warmupSeconds > 0) await load(context.warmupSeconds);
  // The warm-up's abandoned requests would hold pooled connections into the measured run.
  await quiet(server);

  const memory = sampleMemory(() => server.rssBytes());
  const summary = await load(context.seconds);
  return { layer, ...summary, statementsPerRequest: counted / PROBE_REQUESTS, serverPeakRssBytes: memory.stop() };
}

async function floor(scenario: Scenario, context: RunContext): Promise<Measurement> {
  let n = 0;
  const work = BASELINES[scenario.baseline!];
  const run = (seconds: number) => floorLoad({
    pool: context.floorPool, claims: context.claims, work, connections: context.connections, seconds,
    nextParams: () => scenario.params(n++, 'floor'),
  });
  await quiet(context.server);
  let counted = 0;
  for (let i = 0; i < PROBE_REQUESTS; i++) counted += (await inCallerTransaction(context.floorPool, context.claims, work, scenario.params(n++, 'floor'))).statements;
  if (context.warmupSeconds > 0) await run(context.warmupSeconds);
  const { statementsPerRequest: _, ...summary } = await run(context.seconds);
  return { layer: 'floor', ...summary, statementsPerRequest: counted / PROBE_REQUESTS, serverPeakRssBytes: null, meanResponseBytes: null };
}
