import type { Measurement } from '../measure/run-scenario';
import type { LiveResult, LivePhase } from '../live/subscription-load';
import type { BenchReport } from './bench-report';

const LAYER_NAMES: Record<Measurement['layer'], string> = {
  graphql: 'registry (GraphQL)',
  'http-baseline': 'same SQL, `pg` over HTTP',
  floor: 'same SQL, `pg` in-process',
  peer: 'PostGraphile 5, same database',
};

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : '—');
const mb = (bytes: number | null) => (bytes === null ? '—' : `${(bytes / 1e6).toFixed(0)} MB`);
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');
const perRequest = (value: number | null) => (value === null || !Number.isFinite(value) ? '—' : value.toFixed(2));

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** Per scenario with a peer row: PostGraphile's figures beside the registry's, and their ratios. */
function peerComparison(report: BenchReport): string[][] {
  const rows: string[][] = [];
  for (const scenario of report.scenarios) {
    const registry = scenario.measurements.find((m) => m.layer === 'graphql');
    const peer = scenario.measurements.find((m) => m.layer === 'peer');
    if (!registry || !peer) continue;
    rows.push([
      scenario.title, peer.requestsPerSecond.toFixed(0), ms(peer.p50Ms), ms(peer.p95Ms), registry.requestsPerSecond.toFixed(0), ms(registry.p95Ms),
      times(registry.requestsPerSecond / peer.requestsPerSecond), times(registry.p95Ms / peer.p95Ms),
    ]);
  }
  return rows;
}

/** The subscriptions benchmark: the baseline (one subscription) and the load, side by side. */
function liveSection(live: LiveResult): string[] {
  const row = (name: string, phase: LivePhase) => [
    name, String(phase.subscriptions), String(phase.callers), `${phase.seizures} (${phase.recordedPerSecond.toFixed(1)}/s)`,
    `${phase.delivered} / ${phase.expectedDeliveries}`, `${phase.missing} / ${phase.duplicates} / ${phase.unexpected}`,
    `${ms(phase.fromSend.p50Ms)} / ${ms(phase.fromSend.p95Ms)} / ${ms(phase.fromSend.p99Ms)}`,
    `${ms(phase.fromAnswer.p50Ms)} / ${ms(phase.fromAnswer.p95Ms)}`, ms(phase.write.p95Ms),
    `${mb(phase.rssBytes.connected)} / ${mb(phase.rssBytes.peak)} / ${mb(phase.rssBytes.drained)}`,
  ];
  return [
    `Subscriptions: \`seizureRecorded\` over WebSocket (graphql-ws) on the registry under test, unfiltered or filtered by agency or item kind, ` +
      `over callers of ${live.load.callers > 1 ? 'several agencies and subjects' : 'one agency'}; seizures of every handling code recorded through a second registry ` +
      `process on the same database at ${live.perSecond}/s. Each subscriber's events are checked against what the registry lists to its caller afterwards. ` +
      'Commit lies between sending the write and its answer: the delay from sending bounds the delay from commit from above, from the answer from below.',
    '',
    table(['run', 'subscriptions', 'callers', 'seizures', 'delivered / expected', 'missing / twice / unexpected', 'from sending p50 / p95 / p99 ms',
      'from answer p50 / p95 ms', 'write p95 ms', 'server RSS connected / peak / after'], [row('baseline', live.baseline), row('load', live.load)]),
    '',
  ];
}

/** The run as Markdown: scenarios with both baselines and their ratios, the targets, and loading against raw COPY. */
export function renderMarkdown(report: BenchReport): string {
  const { machine, settings, dataset } = report;
  const counts = dataset.counts;
  const lines: string[] = [];
  lines.push(
    `Scale \`${report.scale}\`: ${counts.item} items in ${counts.seizure} seizures, ${counts.supplier} suppliers, ` +
      `${counts.movement} movements, ${counts.payment ?? 0} payments, ${counts.item_match} matches (seed ${dataset.seed}; dataset ${dataset.reused ? `reused, loaded ${dataset.loadedAt}` : 'loaded by this run'}).`,
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}, PostgreSQL ${machine.postgres}; ` +
      `client, server and database on the same machine. ${settings.seconds} s per measurement after ${settings.warmupSeconds} s warm-up, ` +
      `${settings.connections} connections, pools of ${settings.poolSize}. Server RSS when idle: ${mb(report.serverIdleRssBytes)}. Run ${report.startedAt}.`,
    Object.keys(report.postgresTuning).length > 0
      ? `PostgreSQL of the benchmark's own, tuned: ${Object.entries(report.postgresTuning).map(([k, v]) => `${k}=${v}`).join(', ')}; the rest as \`npm start\` runs it.`
      : 'PostgreSQL: the DATABASE_URL given, as it is.',
    '',
  );
  const rows: string[][] = [];
  for (const scenario of report.scenarios) {
    const registry = scenario.measurements.find((m) => m.layer === 'graphql');
    for (const m of scenario.measurements) {
      const ratio = registry && m !== registry
        ? `${times(registry.p50Ms / m.p50Ms)} / ${times(registry.p95Ms / m.p95Ms)} / ${times(m.requestsPerSecond / registry.requestsPerSecond)}`
        : '';
      rows.push([
        m === scenario.measurements[0] ? scenario.title : '', LAYER_NAMES[m.layer], m.requestsPerSecond.toFixed(0), ms(m.p50Ms), ms(m.p95Ms), ms(m.p99Ms),
        m.statementsPerRequest === null ? '—' : m.statementsPerRequest.toFixed(1), perRequest(m.nodeCpuMsPerRequest), perRequest(m.postgresMsPerRequest),
        mb(m.serverPeakRssBytes), ratio + (m.failed > 0 ? ` (${m.failed} failed)` : ''),
      ]);
    }
  }
  lines.push(
    table(['scenario', 'served by', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'SQL/req', 'Node CPU ms/req', 'PostgreSQL ms/req', 'server RSS', 'registry ÷ this: p50 / p95 / this req/s ÷ registry'], rows),
    '',
    'Node CPU: user + system time of the process serving the requests (the registry; PostGraphile for its rows; the bench itself for the floor), ' +
      'from /proc, over the measured run, per successful request. PostgreSQL: execution + planning time of every statement in the cluster ' +
      '(pg_stat_statements) over the run, per request: time spent in PostgreSQL, waits for a core included (— when the cluster does not keep it).',
    '',
  );
  const peerRows = peerComparison(report);
  if (peerRows.length > 0) {
    lines.push(
      `PostGraphile ${report.peer?.postgraphile ?? ''} (Amber preset, schema \`public\`, on Node ${report.peer?.node ?? ''}) over the same database, each request bound as the ` +
        'registry binds its caller (role, agency, subject): the same records under the same row-level security, checked before timing.',
      '',
      table(['scenario', 'PostGraphile req/s', 'PostGraphile p50 ms', 'PostGraphile p95 ms', 'registry req/s', 'registry p95 ms', 'registry ÷ PostGraphile req/s', 'registry ÷ PostGraphile p95'], peerRows),
      '',
    );
  }
  if (report.live) lines.push(...liveSection(report.live));
  lines.push(table(['target (stated for `large`)', 'measured', 'met'], report.targets.map((t) => [t.target, t.measured, t.met === null ? '—' : t.met ? 'met' : '**missed**'])), '');

  const load = dataset.load;
  const loadRows = load.tables.filter((t) => t.rows > 0).map((t) => [
    t.table, String(t.rows), t.megabytes.toFixed(0), Math.round(t.rows / t.copySeconds).toLocaleString('en'),
    Math.round(t.rows / (t.copySeconds + t.indexSeconds)).toLocaleString('en'), Math.round(t.rows / t.rawCopySeconds).toLocaleString('en'),
    times(t.copySeconds / t.rawCopySeconds),
  ]);
  const total = load.tables.reduce((sum, t) => ({ rows: sum.rows + t.rows, copy: sum.copy + t.copySeconds, raw: sum.raw + t.rawCopySeconds, mb: sum.mb + t.megabytes }), { rows: 0, copy: 0, raw: 0, mb: 0 });
  loadRows.push(['all', String(total.rows), total.mb.toFixed(0), Math.round(total.rows / total.copy).toLocaleString('en'), '', Math.round(total.rows / total.raw).toLocaleString('en'), times(total.copy / total.raw)]);
  lines.push(
    `Loading (${dataset.reused ? 'when this dataset was loaded' : 'this run'}): generated in ${load.generateSeconds.toFixed(0)} s, secondary indexes rebuilt in ` +
      `${load.indexWallSeconds.toFixed(0)} s, ${load.matches.rows} matches derived in ${load.matches.seconds.toFixed(0)} s, VACUUM ANALYZE ` +
      `${load.vacuumAnalyzeSeconds.toFixed(0)} s; ${load.totalSeconds.toFixed(0)} s in all. Load: COPY into the registry tables with their ` +
      'secondary indexes dropped (rebuilt after, two at a time), foreign-key triggers off (session_replication_role = replica) and ' +
      'synchronous_commit off for the loading session. Raw COPY: the same COPY text into an UNLOGGED table LIKE the target, without indexes, constraints or triggers.',
    '',
    table(['table', 'rows', 'MB', 'load rows/s (COPY)', 'rows/s with its index rebuild', 'raw COPY rows/s', 'load ÷ raw time'], loadRows),
  );
  return lines.join('\n');
}
