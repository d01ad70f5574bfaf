import type { LiveResult } from '../live/subscription-load';
import type { Measurement, ScenarioResult } from '../measure/run-scenario';

export interface TargetResult {
  target: string;
  measured: string;
  /** null when the run did not measure what the target needs. */
  met: boolean | null;
}

const find = (results: ScenarioResult[], name: string, layer: Measurement['layer']) =>
  results.find((r) => r.name === name)?.measurements.find((m) => m.layer === layer);

const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;

/** Percentiles of a few dozen requests say little: say how many there were. */
const fewRequests = (...measurements: Measurement[]) => {
  const least = Math.min(...measurements.map((m) => m.requests));
  return least < 200 ? ` (only ${measurements.map((m) => m.requests).join(' and ')} requests)` : '';
};

/** A registry p95 at most `bound` times the same statements' bare SQL over the same HTTP server. */
function nearItsSql(results: ScenarioResult[], scenario: string, bound: number) {
  const g = find(results, scenario, 'graphql');
  const b = find(results, scenario, 'http-baseline');
  return g && b
    ? { measured: `p95 ${g.p95Ms.toFixed(1)} ms vs ${b.p95Ms.toFixed(1)} ms = ${ratio(g.p95Ms, b.p95Ms)}${fewRequests(g, b)}`, met: g.p95Ms <= bound * b.p95Ms }
    : null;
}

/** What a scenario's registry median adds to a lighter variant's, per item when `items` > 1, within `bound` ms. */
function addedAtMedian(results: ScenarioResult[], heavier: string, lighter: string, bound: number, items = 1) {
  const h = find(results, heavier, 'graphql');
  const l = find(results, lighter, 'graphql');
  if (!h || !l) return null;
  const added = (h.p50Ms - l.p50Ms) / items;
  return { measured: `${added.toFixed(2)} ms${items > 1 ? ' per item' : ''} (${h.p50Ms.toFixed(1)} vs ${l.p50Ms.toFixed(1)} ms)`, met: added <= bound };
}

/**
 * The registry's performance targets (stated for the `large` scale), each checked against this
 * run. The bare SQL of a scenario is the statements the registry sends for it, run through `pg`
 * over the same HTTP server; the peer is PostGraphile 5 over the same database.
 */
export function evaluateTargets(results: ScenarioResult[], idleRssBytes: number | null, live: LiveResult | null): TargetResult[] {
  const targets: TargetResult[] = [];
  const check = (target: string, compute: () => { measured: string; met: boolean } | null) => {
    const outcome = compute();
    targets.push(outcome ? { target, ...outcome } : { target, measured: 'not measured', met: null });
  };

  for (const [scenario, what] of [['nested-read-50', 'nested read (50)'], ['seizure-lookup', 'single lookup']]) {
    check(`${what}: registry req/s ≥ 1.0× PostGraphile's, p95 ≤ 1.0× its p95`, () => {
      const g = find(results, scenario, 'graphql');
      const p = find(results, scenario, 'peer');
      return g && p
        ? {
            measured: `${g.requestsPerSecond.toFixed(0)} vs ${p.requestsPerSecond.toFixed(0)} req/s = ${ratio(g.requestsPerSecond, p.requestsPerSecond)}, ` +
              `p95 ${g.p95Ms.toFixed(1)} vs ${p.p95Ms.toFixed(1)} ms = ${ratio(g.p95Ms, p.p95Ms)}${fewRequests(g, p)}`,
            met: g.requestsPerSecond >= p.requestsPerSecond && g.p95Ms <= p.p95Ms,
          }
        : null;
    });
  }
  check('items(filter: {identifier}) with matches: p95 ≤ 1.2× its bare SQL', () => nearItsSql(results, 'item-lookup', 1.2));
  check('supplyChain at depth 8: p95 ≤ 1.2× its bare SQL', () => nearItsSql(results, 'supply-chain', 1.2));
  check('seizureStats of a year by month and jurisdiction: p95 ≤ 2× the bare SQL over the readable seizures and items', () => nearItsSql(results, 'seizure-stats-year', 2));
  check('seizureRecord, 3 matching items: ≥ 0.9× its bare SQL\'s req/s, and ≥ 500/s', () => {
    const g = find(results, 'seizure-record-matching', 'graphql');
    const b = find(results, 'seizure-record-matching', 'http-baseline');
    return g && b
      ? {
          measured: `${g.requestsPerSecond.toFixed(0)}/s vs ${b.requestsPerSecond.toFixed(0)}/s = ${ratio(g.requestsPerSecond, b.requestsPerSecond)}`,
          met: g.requestsPerSecond >= 0.9 * b.requestsPerSecond && g.requestsPerSecond >= 500,
        }
      : null;
  });
  check('SQL statements per request independent of page size', () => {
    const small = find(results, 'nested-read-10', 'graphql')?.statementsPerRequest;
    const large = find(results, 'nested-read-50', 'graphql')?.statementsPerRequest;
    return small != null && large != null
      ? { measured: `${small.toFixed(1)} at first: 10, ${large.toFixed(1)} at first: 50`, met: Math.round(small) === Math.round(large) }
      : null;
  });
  check('matching adds ≤ 5 ms per item (median, 3 items, matching vs matching nothing)', () =>
    addedAtMedian(results, 'seizure-record-matching', 'seizure-record-unmatched', 5, 3));
  check('sightings add ≤ 5 ms to a supplier with 3 identifiers (median, sighted vs sighted nothing)', () =>
    addedAtMedian(results, 'supplier-record-sighted', 'supplier-record-unsighted', 5));
  check('an advert\'s text and its near-duplicate sightings add ≤ 10 ms (median, repost vs no text)', () =>
    addedAtMedian(results, 'advert-record-repost', 'advert-record-textless', 10));
  check('server memory: peak RSS ≤ 250 MB', () => {
    const peaks = results.flatMap((r) => r.measurements.map((m) => m.serverPeakRssBytes)).filter((b): b is number => b !== null);
    if (peaks.length === 0) return null;
    const peak = Math.max(...peaks) / 1e6;
    return { measured: `${peak.toFixed(0)} MB`, met: peak <= 250 };
  });
  check('server memory: idle RSS ≤ 120 MB', () =>
    idleRssBytes === null ? null : { measured: `${(idleRssBytes / 1e6).toFixed(0)} MB`, met: idleRssBytes / 1e6 <= 120 });
  liveTargets(live, check);
  return targets;
}

/** The subscriptions benchmark's targets (500 subscriptions on one process, 50 seizures/s recorded through another). */
function liveTargets(live: LiveResult | null, check: (target: string, compute: () => { measured: string; met: boolean } | null) => void): void {
  const load = live?.load;
  const what = load ? `${load.subscriptions} subscriptions, ${live!.perSecond} seizures/s` : '';
  check('subscriptions (500, 50 seizures/s): every event once to each subscriber entitled to it, none to others', () => load ? {
    measured: `${what}: ${load.delivered} of ${load.expectedDeliveries} delivered, ${load.missing} missing, ${load.duplicates} twice, ${load.unexpected} unexpected, ${load.errors.length} errors`,
    met: load.missing === 0 && load.duplicates === 0 && load.unexpected === 0 && load.errors.length === 0 && load.delivered > 0,
  } : null);
  check('subscriptions (500, 50 seizures/s): p95 from commit to delivery on another process ≤ 200 ms', () => load ? {
    measured: `${what}: p95 ≤ ${load.fromSend.p95Ms.toFixed(1)} ms (from sending the write; ${load.fromAnswer.p95Ms.toFixed(1)} ms from its answer); ` +
      `1 subscription: ${live!.baseline.fromSend.p95Ms.toFixed(1)} ms = ${ratio(load.fromSend.p95Ms, live!.baseline.fromSend.p95Ms)}`,
    met: load.fromSend.p95Ms <= 200,
  } : null);
  check('subscriptions (500, 50 seizures/s): server memory bounded (peak of the last third of the load ≤ 1.1× the first third\'s)', () => {
    const rss = load?.rssBytes;
    if (!rss?.firstThirdPeak || !rss.lastThirdPeak) return null;
    const mbOf = (bytes: number | null) => `${((bytes ?? 0) / 1e6).toFixed(0)} MB`;
    return {
      measured: `${what}: ${mbOf(rss.firstThirdPeak)} then ${mbOf(rss.lastThirdPeak)} = ${ratio(rss.lastThirdPeak, rss.firstThirdPeak)}; ` +
        `${mbOf(rss.connected)} once connected, peak ${mbOf(rss.peak)}, ${mbOf(rss.drained)} after; 1 subscription: peak ${mbOf(live!.baseline.rssBytes.peak)}`,
      met: rss.lastThirdPeak <= 1.1 * rss.firstThirdPeak,
    };
  });
}
