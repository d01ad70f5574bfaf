// The benchmark harness at tiny scale, so it keeps working: every scenario is measured in every
// layer and the report is written. Speed is never asserted here (bench/ reports it). The peer
// (PostGraphile on Node 22) is skipped at tiny scale, so this test installs nothing.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OPTIONS, runBench } from '../../bench/harness';
import { moneyPartiesOf } from '../../bench/generate/payments';
import { loadDataset } from '../../bench/load/load-dataset';
import { SCALES } from '../../bench/scales';
import { createTestDatabase } from '../setup/test-database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dir: string;
let report: Awaited<ReturnType<typeof runBench>>;

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'bench-tiny-'));
  report = await runBench({
    ...DEFAULT_OPTIONS,
    scale: 'tiny', seconds: 0.25, warmupSeconds: 0.05, connections: 2, poolSize: 2,
    live: { subscriptions: 30, perSecond: 20, seconds: 2 },
    databaseUrl: database.url, resultsDir: dir, logDir: dir, log: () => {},
  });
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await database?.drop();
});

const EXPECTED = {
  'nested-read-50': ['graphql', 'http-baseline', 'floor'],
  'nested-read-10': ['graphql'],
  'seizure-lookup': ['graphql', 'http-baseline', 'floor'],
  'supply-chain': ['graphql', 'http-baseline', 'floor'],
  'item-lookup': ['graphql', 'http-baseline', 'floor'],
  'money-trail-follow': ['graphql', 'http-baseline', 'floor'],
  'money-trail-payers': ['graphql', 'http-baseline', 'floor'],
  'seizure-stats-year': ['graphql', 'http-baseline', 'floor'],
  'top-suppliers-week': ['graphql'],
  'seizure-record-unmatched': ['graphql', 'http-baseline', 'floor'],
  'seizure-record-matching': ['graphql', 'http-baseline', 'floor'],
  'supplier-record-unsighted': ['graphql', 'http-baseline', 'floor'],
  'supplier-record-sighted': ['graphql', 'http-baseline', 'floor'],
  'payment-record': ['graphql', 'http-baseline', 'floor'],
  'advert-record-textless': ['graphql', 'http-baseline', 'floor'],
  'advert-record-repost': ['graphql', 'http-baseline', 'floor'],
};

describe('npm run bench -- --scale tiny', () => {
  it('measures every scenario in every layer, with numbers and no failed request', () => {
    expect(Object.fromEntries(report.scenarios.map((s) => [s.name, s.measurements.map((m) => m.layer)]))).toEqual(EXPECTED);
    for (const measurement of report.scenarios.flatMap((s) => s.measurements)) {
      expect(measurement.requests).toBeGreaterThan(0);
      expect(measurement.failed).toBe(0);
      for (const value of [measurement.requestsPerSecond, measurement.p50Ms, measurement.p95Ms, measurement.p99Ms, measurement.statementsPerRequest, measurement.nodeCpuMsPerRequest]) {
        expect(Number.isFinite(value)).toBe(true);
      }
      expect(measurement.p50Ms).toBeLessThanOrEqual(measurement.p95Ms);
      expect(measurement.p95Ms).toBeLessThanOrEqual(measurement.p99Ms);
      if (measurement.layer !== 'floor') expect(measurement.serverPeakRssBytes).toBeGreaterThan(0);
      // The test database is not the bench's own cluster: no pg_stat_statements there.
      expect(measurement.postgresMsPerRequest).toBeNull();
    }
  });

  it('loads the dataset it generated, matches included, and compares loading with a raw COPY', () => {
    expect(report.dataset).toMatchObject({ scale: 'tiny', reused: false });
    const { brokers, buyers } = moneyPartiesOf(SCALES.tiny);
    expect(report.dataset.counts).toMatchObject({
      item: SCALES.tiny.items, supplier: SCALES.tiny.suppliers + brokers + buyers, movement: SCALES.tiny.movements, payment: SCALES.tiny.payments,
    });
    expect(report.dataset.counts.item_match).toBeGreaterThan(0);
    for (const table of report.dataset.load.tables) {
      expect(table.rows).toBeGreaterThan(0);
      expect(table.copySeconds).toBeGreaterThan(0);
      expect(table.rawCopySeconds).toBeGreaterThan(0);
    }
  });

  it('writes tiny-latest.json with the whole report', async () => {
    expect(report.jsonFile).toBe(join(dir, 'tiny-latest.json'));
    const json = JSON.parse(await readFile(report.jsonFile, 'utf8'));
    expect(Object.keys(json).sort()).toEqual(
      ['dataset', 'live', 'machine', 'peer', 'postgresTuning', 'scale', 'scenarios', 'serverIdleRssBytes', 'settings', 'startedAt', 'targets'],
    );
    expect(json.peer).toBeNull();
    expect(json.scenarios.map((s: { name: string }) => s.name)).toEqual(Object.keys(EXPECTED));
    expect(json.machine).toMatchObject({ cpus: expect.any(Number), memoryGiB: expect.any(Number), node: process.version });
    expect(json.settings).toMatchObject({ seconds: 0.25, connections: 2 });
  });

  it('checks each target, and prints a table row per measurement and per target', () => {
    expect(report.targets).toHaveLength(15);
    for (const target of report.targets) {
      // The targets against PostGraphile are not measured without the peer.
      if (target.target.includes('PostGraphile')) expect(target).toMatchObject({ measured: 'not measured', met: null });
      else expect(typeof target.met).toBe('boolean');
    }
    const rows = report.markdown.split('\n').filter((line) => line.startsWith('| '));
    const measurements = report.scenarios.flatMap((s) => s.measurements).length;
    // a header and a separator per table (scenarios, subscriptions, targets, loading); plus the two subscription runs,
    // one row per loaded table and the total
    expect(rows.length).toBe(8 + measurements + 2 + report.targets.length + report.dataset.load.tables.length + 1);
  });

  it('delivers every recorded seizure once to each subscription entitled to it, across processes, and nothing else', () => {
    const live = report.live!;
    for (const phase of [live.baseline, live.load]) {
      expect(phase.expectedDeliveries).toBeGreaterThan(0);
      expect(phase).toMatchObject({ delivered: phase.expectedDeliveries, missing: 0, duplicates: 0, unexpected: 0, errors: [] });
      expect(Number.isFinite(phase.fromSend.p95Ms)).toBe(true);
      expect(phase.fromAnswer.p95Ms).toBeLessThanOrEqual(phase.fromSend.p95Ms);
    }
    // Every handling code was recorded: some subscriptions may read seizures that others may not.
    expect(live.load).toMatchObject({ subscriptions: 30, callers: 25, seizures: 40 });
    expect(live.load.expectedDeliveries).toBeLessThan(30 * 40);
  });

  it('reuses the loaded dataset on the next run', async () => {
    const again = await loadDataset(database.url, SCALES.tiny, DEFAULT_OPTIONS.seed);
    expect(again).toMatchObject({ reused: true, counts: report.dataset.counts });
  });
});
