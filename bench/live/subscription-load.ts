import { performance } from 'node:perf_hooks';
import { Role } from '../../src/auth/roles';
import { signToken } from '../../src/auth/tokens';
import { percentile } from '../measure/summary';
import { LIVE_REFERENCE_PREFIX } from '../scenarios/seizure-record';
import { openSubscribers, type LiveSubscriber, type SubscriptionPlan } from './live-subscribers';
import { writeAtRate, writeSeizure, type SeizureToWrite, type Written } from './live-writer';

/** The name `--only` knows the subscriptions benchmark by. */
export const SUBSCRIPTIONS_SCENARIO = 'subscriptions';

export interface LiveLoadOptions {
  /** The registry process serving the subscriptions. */
  subscriptionsUrl: string;
  /** Another registry process, on the same database, through which the seizures are recorded. */
  writerUrl: string;
  secret: string;
  /** Codes of the agencies that record and subscribe. */
  agencies: string[];
  subscriptions: number;
  perSecond: number;
  seconds: number;
  /** The baseline (one subscription, the same rate) lasts this long. */
  baselineSeconds: number;
  runId: string;
  /** Resident memory of the subscriptions' process now. */
  rssBytes(): number | null;
  log(line: string): void;
}

export interface Percentiles {
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
}

/** One phase: subscriptions open on one process while seizures are recorded through another. */
export interface LivePhase {
  subscriptions: number;
  /** Distinct callers (agency, subject) among the subscriptions: the process reads the feed once per caller. */
  callers: number;
  seizures: number;
  seconds: number;
  recordedPerSecond: number;
  /** Events the subscribers may read and their filters select, over every subscription. */
  expectedDeliveries: number;
  delivered: number;
  missing: number;
  /** Events a subscriber received more than once. */
  duplicates: number;
  /** Events a subscriber received though it may not read the seizure or its filter leaves it out. */
  unexpected: number;
  errors: string[];
  /** From the answer to the write (after its commit) to delivery: at most the time from commit. */
  fromAnswer: Percentiles;
  /** From sending the write (before its commit) to delivery: at least the time from commit. */
  fromSend: Percentiles;
  write: Percentiles;
  /**
   * Resident memory of the subscriptions' process: once connected; the highest in the first and
   * in the last third of the load (bounded: the last no higher than the first, give or take the
   * collector); the highest overall; once drained.
   */
  rssBytes: { connected: number | null; firstThirdPeak: number | null; lastThirdPeak: number | null; peak: number | null; drained: number | null };
}

export interface LiveResult {
  perSecond: number;
  idleRssBytes: number | null;
  baseline: LivePhase;
  load: LivePhase;
}

const HANDLING = ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED'] as const;
/** Subjects per agency among the subscribers: each is a caller of its own (its own rights, its own group). */
const SUBJECTS_PER_AGENCY = 5;
/** The recorded seizures are dated this far ahead (the registry takes up to 5 minutes), so none is confused with the dataset's. */
const AHEAD_MS = 4 * 60_000;
const DRAIN_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const percentiles = (values: number[]): Percentiles => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50Ms: percentile(sorted, 50), p95Ms: percentile(sorted, 95), p99Ms: percentile(sorted, 99) };
};

/**
 * The subscriptions benchmark: first one subscription (the baseline), then `subscriptions` of
 * them over several callers and filters, on one process, while seizures of every handling code
 * are recorded through another at `perSecond`. Every subscriber's events are compared with
 * what the registry lists to its caller afterwards: each expected once, nothing else.
 */
export async function measureSubscriptionLoad(options: LiveLoadOptions): Promise<LiveResult> {
  const tokens = new Map<string, string>();
  const tokenOf = async (agency: string, subject: string, roles: Role[]) => {
    const key = `${agency} ${subject}`;
    if (!tokens.has(key)) tokens.set(key, await signToken({ subject, agencyCode: agency, roles, expiresIn: 3600 }, { secret: options.secret }));
    return tokens.get(key)!;
  };
  const officers = new Map(await Promise.all(options.agencies.map(async (agency) => [agency, await tokenOf(agency, 'bench.live.officer', [Role.OFFICER])] as const)));
  const plansOf = async (count: number): Promise<SubscriptionPlan[]> => Promise.all(Array.from({ length: count }, async (_, i) => {
    const agency = options.agencies[i % options.agencies.length];
    const caller = `${agency} bench.live.partner.${Math.floor(i / options.agencies.length) % SUBJECTS_PER_AGENCY}`;
    const filters = [null, null, { agency: [options.agencies[(i + 1) % options.agencies.length]] }, { itemKind: ['PUMP'] }];
    const filter = filters[Math.floor(i / (options.agencies.length * SUBJECTS_PER_AGENCY)) % filters.length];
    return { caller, token: await tokenOf(agency, caller.split(' ')[1], [Role.ANALYST]), filter };
  }));
  const idleRssBytes = options.rssBytes();
  options.log(`subscriptions: baseline, 1 subscription, ${options.perSecond} seizures/s for ${options.baselineSeconds} s`);
  const baseline = await phase(options, 'B', await plansOf(1), options.baselineSeconds, officers, tokenOf);
  options.log(`subscriptions: ${options.subscriptions} subscriptions, ${options.perSecond} seizures/s for ${options.seconds} s`);
  const load = await phase(options, 'L', await plansOf(options.subscriptions), options.seconds, officers, tokenOf);
  return { perSecond: options.perSecond, idleRssBytes, baseline, load };
}

type TokenOf = (agency: string, subject: string, roles: Role[]) => Promise<string>;

async function phase(
  options: LiveLoadOptions, tag: string, plans: SubscriptionPlan[], seconds: number, officers: Map<string, string>, tokenOf: TokenOf,
): Promise<LivePhase> {
  const { subscribers, close } = await openSubscribers(options.subscriptionsUrl, plans);
  try {
    await untilListening(options, tag, subscribers, officers);
    const connected = options.rssBytes();
    // Until the events have drained, every 100 ms: the peaks of the first and last thirds of the load, and overall.
    const samples: Array<{ at: number; bytes: number | null }> = [];
    const sampler = setInterval(() => samples.push({ at: performance.now(), bytes: options.rssBytes() }), 100).unref();
    const agencies = options.agencies;
    const seizureOf = (n: number): SeizureToWrite => {
      const agency = agencies[n % agencies.length];
      const handling = HANDLING[Math.floor(n / agencies.length) % HANDLING.length];
      return {
        agency, token: officers.get(agency)!,
        input: {
          reference: `${LIVE_REFERENCE_PREFIX}${options.runId}-${tag}-${n}`,
          seizedAt: new Date(Date.now() + AHEAD_MS).toISOString(),
          handling,
          sharedWith: handling === 'TLP_AMBER' ? [agencies[(n + 1) % agencies.length]] : undefined,
          items: n % 3 === 0 ? [{ kind: 'PUMP' }] : [{ kind: 'ENGINE', make: 'Velmont Marine' }],
        },
      };
    };
    const windowFrom = new Date(Date.now() + AHEAD_MS - 1000).toISOString();
    const started = performance.now();
    const written = await writeAtRate(options.writerUrl, options.perSecond, seconds, seizureOf);
    const ended = performance.now();
    const recordedPerSecond = written.length / ((ended - started) / 1000);
    const third = (ended - started) / 3;
    const peakBetween = (from: number, to: number) =>
      samples.filter((s) => s.at >= from && s.at <= to && s.bytes !== null).reduce<number | null>((peak, s) => Math.max(peak ?? 0, s.bytes!), null);
    const expected = await expectedDeliveries(options, plans, written, windowFrom, tokenOf);
    const drainUntil = performance.now() + DRAIN_MS;
    const complete = () => subscribers.every((subscriber, i) => {
      const got = new Set(subscriber.deliveries.map((delivery) => delivery.seizureId));
      return [...expected[i]].every((id) => got.has(id));
    });
    while (!complete() && performance.now() < drainUntil) await sleep(100);
    await sleep(500); // anything late or doubled arrives too
    clearInterval(sampler);
    return {
      ...compare(subscribers, written, expected),
      subscriptions: plans.length, callers: new Set(plans.map((plan) => plan.caller)).size,
      seizures: written.length, seconds, recordedPerSecond,
      write: percentiles(written.map((w) => w.answeredAt - w.sentAt)),
      rssBytes: { connected, firstThirdPeak: peakBetween(started, started + third), lastThirdPeak: peakBetween(ended - third, ended), peak: peakBetween(0, Infinity), drained: options.rssBytes() },
    };
  } finally {
    await close();
  }
}

/** Records probe seizures (each agency's, readable by all, selected by every filter) until every subscriber has heard one. */
async function untilListening(options: LiveLoadOptions, tag: string, subscribers: LiveSubscriber[], officers: Map<string, string>): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const probes = new Set<string>();
    for (const agency of options.agencies) {
      const probe = await writeSeizure(options.writerUrl, {
        agency, token: officers.get(agency)!,
        input: { reference: `${LIVE_REFERENCE_PREFIX}${options.runId}-${tag}P${round}-${agency}`, seizedAt: new Date().toISOString(), handling: 'TLP_CLEAR', items: [{ kind: 'PUMP' }] },
      });
      probes.add(probe.id);
    }
    const heard = () => subscribers.every((subscriber) => subscriber.deliveries.some((delivery) => probes.has(delivery.seizureId)));
    for (let waited = 0; waited < 5000 && !heard(); waited += 50) await sleep(50);
    if (heard()) {
      await sleep(300);
      for (const subscriber of subscribers) subscriber.deliveries.length = 0;
      return;
    }
  }
  throw new Error('the subscribers never all heard a probe seizure');
}

/**
 * For each subscription, the written seizures its caller may read (as the registry lists them
 * to that caller, over HTTP) that its filter selects.
 */
async function expectedDeliveries(
  options: LiveLoadOptions, plans: SubscriptionPlan[], written: Written[], seizedFrom: string, tokenOf: TokenOf,
): Promise<Array<Set<string>>> {
  const byId = new Map(written.map((w) => [w.id, w]));
  const readable = new Map<string, Set<string>>();
  for (const plan of plans) {
    if (readable.has(plan.caller)) continue;
    const [agency, subject] = plan.caller.split(' ');
    readable.set(plan.caller, await listedTo(options.writerUrl, await tokenOf(agency, subject, [Role.ANALYST]), seizedFrom, byId));
  }
  return plans.map((plan) => new Set([...readable.get(plan.caller)!].filter((id) => {
    const seizure = byId.get(id)!;
    return (!plan.filter?.agency || plan.filter.agency.includes(seizure.agency))
      && (!plan.filter?.itemKind || seizure.kinds.some((kind) => plan.filter!.itemKind!.includes(kind)));
  })));
}

/** The ids of the written seizures that `seizures(filter: { seizedFrom })` lists to the token's caller. */
async function listedTo(baseUrl: string, token: string, seizedFrom: string, written: Map<string, Written>): Promise<Set<string>> {
  const ids = new Set<string>();
  for (let after: string | null = null; ;) {
    const res = await fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: `query Listed($filter: SeizureFilter, $after: String) { seizures(filter: $filter, first: 100, after: $after) { pageInfo { hasNextPage endCursor } nodes { id } } }`,
        variables: { filter: { seizedFrom }, after },
      }),
    });
    const body = (await res.json()) as { data?: { seizures: { pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Array<{ id: string }> } }; errors?: unknown };
    if (!body.data) throw new Error(`listing the recorded seizures failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
    for (const node of body.data.seizures.nodes) if (written.has(node.id)) ids.add(node.id);
    if (!body.data.seizures.pageInfo.hasNextPage) return ids;
    after = body.data.seizures.pageInfo.endCursor;
  }
}

/** Each subscriber's events against what it should have had: delivered, missing, doubled, unexpected, and how long each took. */
function compare(subscribers: LiveSubscriber[], written: Written[], expected: Array<Set<string>>) {
  const byId = new Map(written.map((w) => [w.id, w]));
  let [expectedCount, delivered, missing, duplicates, unexpected] = [0, 0, 0, 0, 0];
  const [fromAnswer, fromSend]: number[][] = [[], []];
  subscribers.forEach((subscriber, i) => {
    const seen = new Set<string>();
    for (const delivery of subscriber.deliveries) {
      if (seen.has(delivery.seizureId)) {
        duplicates++;
        continue;
      }
      seen.add(delivery.seizureId);
      if (!expected[i].has(delivery.seizureId)) {
        unexpected++;
        continue;
      }
      delivered++;
      const write = byId.get(delivery.seizureId)!;
      fromAnswer.push(delivery.at - write.answeredAt);
      fromSend.push(delivery.at - write.sentAt);
    }
    expectedCount += expected[i].size;
    missing += [...expected[i]].filter((id) => !seen.has(id)).length;
  });
  return {
    expectedDeliveries: expectedCount, delivered, missing, duplicates, unexpected,
    errors: [...new Set(subscribers.flatMap((subscriber) => subscriber.errors))],
    fromAnswer: percentiles(fromAnswer), fromSend: percentiles(fromSend),
  };
}
