import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Pool } from 'pg';
import type { TokenClaims } from '../src/auth/caller';
import { Role } from '../src/auth/roles';
import { signToken } from '../src/auth/tokens';
import { startBenchPostgres, type BenchDatabase } from './database/bench-postgres';
import { migrate } from './database/migrate';
import { BENCH_AGENCY } from './generate/agencies';
import { loadDataset } from './load/load-dataset';
import { statementStats } from './measure/pg-statements';
import { runScenario, type RunContext, type ScenarioResult } from './measure/run-scenario';
import { installPeer } from './peer/install';
import { startPeerProcess, type PeerProcess } from './peer/postgraphile-process';
import { writeJsonReport, type BenchReport } from './report/bench-report';
import { describeMachine } from './report/machine';
import { renderMarkdown } from './report/markdown';
import { evaluateTargets } from './report/targets';
import { SCALES, type ScaleName } from './scales';
import { advertRecord, LIVE_ADVERT_ACCOUNT } from './scenarios/advert-record';
import { itemLookup } from './scenarios/item-lookup';
import { moneyTrail } from './scenarios/money-trail';
import { nestedRead } from './scenarios/nested-read';
import { LIVE_PAYMENT_PREFIX, paymentRecord } from './scenarios/payment-record';
import { drawSamples } from './scenarios/samples';
import type { Layer, Scenario } from './scenarios/scenario';
import { seizureLookup } from './scenarios/seizure-lookup';
import { seizureStatsYear, topSuppliersWeek } from './scenarios/seizure-stats';
import { LIVE_REFERENCE_PREFIX, seizureRecord } from './scenarios/seizure-record';
import { LIVE_SUPPLIER_PREFIX, supplierRecord } from './scenarios/supplier-record';
import { supplyChain } from './scenarios/supply-chain';
import { startServerProcess, type ServerProcess } from './server/server-process';
import { measureSubscriptionLoad, SUBSCRIPTIONS_SCENARIO, type LiveResult } from './live/subscription-load';

export interface BenchOptions {
  scale: ScaleName;
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** Database connections of the registry, of the HTTP baseline and of the floor, each. */
  poolSize: number;
  seed: number;
  /** A database of the benchmark's own; unset: an embedded PostgreSQL under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  resultsDir: string;
  /** Where the server's log goes; default: beside the embedded cluster, or the temporary folder. */
  logDir?: string;
  reload: boolean;
  /** Names of the scenarios to run (e.g. `supply-chain`); unset: all. */
  only?: string[];
  /** Whether to measure the peer (PostGraphile 5) too; unset: yes, except at `tiny` scale (it installs Node 22 on first use). */
  peer?: boolean;
  /** Where the peer is installed (`npm ci` of bench/peer, redone when its lock changes). */
  peerDir: string;
  /** The subscriptions benchmark (scenario `subscriptions`): how many, how many seizures a second, for how long. */
  live: { subscriptions: number; perSecond: number; seconds: number };
  log(line: string): void;
}

export const DEFAULT_OPTIONS: Omit<BenchOptions, 'scale' | 'log'> = {
  seconds: 10, warmupSeconds: 3, connections: 10, poolSize: 10, seed: 1, dataDir: '.data/bench-pg', resultsDir: 'bench/results', reload: false, peerDir: '.data/bench-peer',
  live: { subscriptions: 500, perSecond: 50, seconds: 60 },
};

const ALL_LAYERS: Layer[] = ['graphql', 'http-baseline', 'floor'];
/** Reads the peer serves too: the three layers, then PostGraphile's (skipped when the run has no peer). */
const WITH_PEER: Layer[] = [...ALL_LAYERS, 'peer'];

/**
 * One benchmark run: the database (own embedded PostgreSQL unless given), migrations, the
 * dataset (loaded, or reused), the registry in a child process (and the peer, PostGraphile, in
 * another), every scenario in each layer, the targets; the report is written as JSON and returned with its Markdown.
 */
export async function runBench(options: BenchOptions): Promise<BenchReport & { markdown: string; jsonFile: string }> {
  const { log } = options;
  const scale = SCALES[options.scale];
  const startedAt = new Date().toISOString();
  let database: BenchDatabase | null = null;
  if (!options.databaseUrl) {
    log(`starting the benchmark's PostgreSQL under ${options.dataDir}`);
    database = await startBenchPostgres(options.dataDir, log);
  }
  const url = options.databaseUrl ?? database!.url;
  const cleanups: Array<() => Promise<void>> = [];
  try {
    await migrate(url);
    const dataset = await loadDataset(url, scale, options.seed, { reload: options.reload, log });
    const client = new Client({ connectionString: url });
    await client.connect();
    cleanups.push(() => client.end());
    await forgetLiveRecords(client, log);
    const samples = await drawSamples(client, 1000);
    const machine = await describeMachine(client);
    const statements = await statementStats(client);
    if (!statements) log('pg_stat_statements is not preloaded: the report has no PostgreSQL time per request');

    const secret = randomBytes(32).toString('hex');
    const claims: TokenClaims = { subject: 'bench.officer', agencyCode: BENCH_AGENCY, roles: [Role.OFFICER, Role.ANALYST] };
    const token = await signToken({ ...claims, expiresIn: 24 * 3600 }, { secret });
    const logDir = options.logDir ?? (database ? `${database.dataDir}-logs` : tmpdir());
    mkdirSync(logDir, { recursive: true });
    const logFile = join(logDir, 'bench-server.log');
    const logFd = openSync(logFile, 'w');
    cleanups.push(async () => closeSync(logFd));
    log(`starting the registry (logs: ${logFile})`);
    const server = await startServerProcess({ databaseUrl: url, jwtSecret: secret, poolSize: options.poolSize, logFd });
    cleanups.push(() => server.stop());
    const idleRssBytes = server.rssBytes();
    const peer = (options.peer ?? options.scale !== 'tiny') ? await startPeer(options, { url, secret, logDir, cleanups }) : null;
    const floorPool = new Pool({ connectionString: url, max: options.poolSize, application_name: 'bench-floor' });
    cleanups.push(() => floorPool.end());

    const runId = String(Date.now());
    // Reads first, so that what the writes add does not change what the reads see.
    const plan: Array<[Scenario, Layer[]]> = [
      [nestedRead(50), WITH_PEER],
      [nestedRead(10), ['graphql']],
      [seizureLookup(samples.readableSeizures), WITH_PEER],
      [supplyChain(samples.supplyChainItems), ALL_LAYERS],
      [itemLookup(samples.lookupIdentifiers), ALL_LAYERS],
      [moneyTrail('FOLLOW_MONEY', samples.moneyParties.buyers), ALL_LAYERS],
      [moneyTrail('TOWARDS_PAYERS', samples.hawalaPayees), ALL_LAYERS],
      [seizureStatsYear(), ALL_LAYERS],
      [topSuppliersWeek(), ['graphql']],
      [seizureRecord('unmatched', runId, samples.known), ALL_LAYERS],
      [seizureRecord('matching', runId, samples.known), ALL_LAYERS],
      [supplierRecord('unsighted', runId, samples.partyIdentifiers), ALL_LAYERS],
      [supplierRecord('sighted', runId, samples.partyIdentifiers), ALL_LAYERS],
      [paymentRecord(runId, samples.moneyParties), ALL_LAYERS],
      [advertRecord('textless', runId, samples.advertTexts), ALL_LAYERS],
      [advertRecord('repost', runId, samples.advertTexts), ALL_LAYERS],
    ];
    const context: RunContext = {
      server, peer: peer?.process ?? null, token, claims, floorPool, statements,
      connections: options.connections, seconds: options.seconds, warmupSeconds: options.warmupSeconds, log,
      peerQuiet: async () => !peer || (await client.query(
        `SELECT count(*)::int AS busy FROM pg_stat_activity WHERE application_name = 'bench-peer' AND state <> 'idle' AND pid <> pg_backend_pid()`,
      )).rows[0].busy === 0,
    };
    const scenarios: ScenarioResult[] = [];
    for (const [scenario, layers] of plan) {
      if (options.only && !options.only.includes(scenario.name)) continue;
      scenarios.push(await runScenario(scenario, layers, context));
    }
    const live = !options.only || options.only.includes(SUBSCRIPTIONS_SCENARIO)
      ? await measureLive(options, { url, secret, logDir, runId, client, server, cleanups })
      : null;

    const report: BenchReport = {
      scale: scale.name, startedAt, machine,
      settings: { seconds: options.seconds, warmupSeconds: options.warmupSeconds, connections: options.connections, poolSize: options.poolSize, seed: options.seed },
      postgresTuning: database?.tuning ?? {}, dataset, serverIdleRssBytes: idleRssBytes, peer: peer?.versions ?? null,
      scenarios, live, targets: evaluateTargets(scenarios, idleRssBytes, live),
    };
    const jsonFile = await writeJsonReport(report, options.resultsDir);
    return { ...report, markdown: renderMarkdown(report), jsonFile };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    await database?.stop();
  }
}

/**
 * The subscriptions benchmark: the registry under test serves them; the seizures are recorded
 * through a second registry process on the same database, so each event crosses processes.
 */
async function measureLive(
  options: BenchOptions,
  { url, secret, logDir, runId, client, server, cleanups }: {
    url: string; secret: string; logDir: string; runId: string; client: Client; server: ServerProcess; cleanups: Array<() => Promise<void>>;
  },
): Promise<LiveResult> {
  const logFile = join(logDir, 'bench-writer.log');
  const logFd = openSync(logFile, 'w');
  cleanups.push(async () => closeSync(logFd));
  options.log(`starting a second registry to record through (logs: ${logFile})`);
  const writer = await startServerProcess({ databaseUrl: url, jwtSecret: secret, poolSize: options.poolSize, logFd });
  try {
    const agencies = (await client.query<{ code: string }>(`SELECT code FROM agency WHERE name LIKE '%(bench)' ORDER BY code LIMIT 5`)).rows.map((row) => row.code);
    return await measureSubscriptionLoad({
      subscriptionsUrl: server.baseUrl, writerUrl: writer.baseUrl, secret, agencies, runId,
      ...options.live, baselineSeconds: Math.max(1, Math.round(options.live.seconds / 4)),
      rssBytes: () => server.rssBytes(), log: options.log,
    });
  } finally {
    await writer.stop();
  }
}

/** Installs the peer when needed and starts it over the bench database, its log beside the server's. */
async function startPeer(
  options: BenchOptions, { url, secret, logDir, cleanups }: { url: string; secret: string; logDir: string; cleanups: Array<() => Promise<void>> },
): Promise<{ process: PeerProcess; versions: { postgraphile: string; node: string } }> {
  const install = await installPeer(options.peerDir, options.log);
  const logFile = join(logDir, 'bench-peer.log');
  const logFd = openSync(logFile, 'w');
  cleanups.push(async () => closeSync(logFd));
  options.log(`starting the peer: PostGraphile ${install.versions.postgraphile} on Node ${install.versions.node} (logs: ${logFile})`);
  const peer = await startPeerProcess({ install, databaseUrl: url, jwtSecret: secret, poolSize: options.poolSize, logFd });
  cleanups.push(() => peer.stop());
  return { process: peer, versions: install.versions };
}

/**
 * Deletes the seizures, payments, suppliers and adverts earlier runs recorded live (items, keys,
 * matches, parties and identifiers go with them; sightings, which name records of several kinds, are
 * deleted first), so the dataset is as loaded.
 */
async function forgetLiveRecords(client: Client, log: (line: string) => void): Promise<void> {
  const { rowCount: seizures } = await client.query(`DELETE FROM seizure WHERE reference_key LIKE $1`, [`${LIVE_REFERENCE_PREFIX.toLowerCase()}%`]);
  await client.query(
    `DELETE FROM sighting WHERE record_a IN (SELECT id FROM supplier WHERE name LIKE $1 UNION ALL SELECT id FROM payment WHERE reference LIKE $2)
                             OR record_b IN (SELECT id FROM supplier WHERE name LIKE $1 UNION ALL SELECT id FROM payment WHERE reference LIKE $2)`,
    [`${LIVE_SUPPLIER_PREFIX}%`, `${LIVE_PAYMENT_PREFIX}%`],
  );
  const liveAdverts = `SELECT advert_id FROM advert_identifier WHERE is_account AND value_key LIKE '${LIVE_ADVERT_ACCOUNT}%'`;
  await client.query(`DELETE FROM sighting WHERE record_a IN (${liveAdverts}) OR record_b IN (${liveAdverts})`);
  const { rowCount: adverts } = await client.query(`DELETE FROM advert WHERE id IN (${liveAdverts})`);
  const { rowCount: payments } = await client.query(`DELETE FROM payment WHERE reference LIKE $1`, [`${LIVE_PAYMENT_PREFIX}%`]);
  const { rowCount: suppliers } = await client.query(`DELETE FROM supplier WHERE name LIKE $1`, [`${LIVE_SUPPLIER_PREFIX}%`]);
  if (!seizures && !suppliers && !payments && !adverts) return;
  log(`removed ${seizures ?? 0} seizures, ${payments ?? 0} payments, ${suppliers ?? 0} suppliers and ${adverts ?? 0} adverts recorded by earlier runs`);
  await client.query(
    'VACUUM ANALYZE seizure, item, identifier_key, item_match, supplier, supplier_identifier, sighting, payment, payment_party, advert, advert_identifier, advert_text',
  );
}
