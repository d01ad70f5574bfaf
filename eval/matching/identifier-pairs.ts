// The identifier half: record `a` of every pair for agency A and `b` for agency B, then read
// both items' matches through the service and note what each pair got.
import type { EvalAgencies } from '../support/agencies';
import { EvalFailure } from '../support/failure';
import { itemMatchingUnavailable, readMatches, type MatchView } from './item-matches';
import { recordSide, type RecordedReading } from './record-items';
import type { Registry } from '../support/registry';
import type { IdentifierPair } from './sample';

export interface PairObservation {
  index: number;
  pair: IdentifierPair;
  a: RecordedReading;
  b: RecordedReading;
  /** a's item among b's matches (the prediction), or null. */
  aSeenFromB: MatchView | null;
  /** b's item among a's matches (the other direction), or null. */
  bSeenFromA: MatchView | null;
}

/** A match between items of two different sample pairs (or of one side of a pair with itself). */
export interface CrossPairMatch {
  from: ItemRef;
  to: ItemRef;
  score: number;
  basis: string;
}

export interface ItemRef {
  index: number;
  side: 'a' | 'b';
  reading: string;
}

export interface RecordingSummary {
  items: number;
  seizures: number;
  damagedAsRead: number;
  reRecordedDamaged: number;
  refused: { ref: ItemRef; reason: string }[];
  seconds: number;
}

export type IdentifierOutcome =
  | { available: false; reason: string; recording: RecordingSummary }
  | {
      available: true;
      recording: RecordingSummary;
      observations: PairObservation[];
      crossPair: CrossPairMatch[];
      /** Matches whose other item the reader may not see (none expected: all items are TLP_GREEN). */
      restricted: number;
      readSeconds: number;
    };

export async function evaluateIdentifierPairs(
  registry: Registry,
  agencies: EvalAgencies,
  pairs: IdentifierPair[],
  progress: (line: string) => void,
): Promise<IdentifierOutcome> {
  const unavailable = await itemMatchingUnavailable(registry, agencies.a.token);
  const prefix = `EVAL-${process.pid}`;
  progress(`recording ${pairs.length} identifier pairs (a for ${agencies.a.code}, b for ${agencies.b.code})...`);
  const sideA = await recordSide(registry, agencies.a, pairs, 'a', prefix);
  const sideB = await recordSide(registry, agencies.b, pairs, 'b', prefix);
  const recording = summarise(sideA, sideB);
  if (unavailable) return { available: false, reason: unavailable, recording };

  progress('reading every item\'s matches...');
  const started = Date.now();
  const idsA = sideA.readings.flatMap((r) => (r.itemId ? [r.itemId] : []));
  const idsB = sideB.readings.flatMap((r) => (r.itemId ? [r.itemId] : []));
  const matches = new Map([
    ...(await readMatches(registry, agencies.a.token, idsA)),
    ...(await readMatches(registry, agencies.b.token, idsB)),
  ]);
  const readSeconds = (Date.now() - started) / 1000;

  const find = (of: string | null, other: string | null) =>
    (of && other && matches.get(of)?.find((m) => m.itemId === other)) || null;
  const observations = pairs.map((pair, index) => {
    const a = sideA.readings[index];
    const b = sideB.readings[index];
    return { index, pair, a, b, aSeenFromB: find(b.itemId, a.itemId), bSeenFromA: find(a.itemId, b.itemId) };
  });
  return { available: true, recording, observations, ...crossPairMatches(observations, matches), readSeconds };
}

function crossPairMatches(observations: PairObservation[], matches: Map<string, MatchView[]>) {
  const refs = new Map<string, ItemRef>();
  for (const o of observations) {
    if (o.a.itemId) refs.set(o.a.itemId, { index: o.index, side: 'a', reading: o.a.reading });
    if (o.b.itemId) refs.set(o.b.itemId, { index: o.index, side: 'b', reading: o.b.reading });
  }
  const crossPair: CrossPairMatch[] = [];
  const seen = new Set<string>();
  let restricted = 0;
  for (const [itemId, list] of matches) {
    const from = refs.get(itemId)!;
    for (const match of list) {
      if (match.itemId === null) {
        restricted += 1;
        continue;
      }
      const to = refs.get(match.itemId);
      if (!to) throw new EvalFailure(`item ${itemId} matches ${match.itemId}, which the evaluation did not record`);
      if (to.index === from.index && to.side !== from.side) continue; // the pair's own partner
      const key = [itemId, match.itemId].sort().join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      crossPair.push({ from, to, score: match.score, basis: match.basis });
    }
  }
  return { crossPair, restricted };
}

function summarise(
  sideA: Awaited<ReturnType<typeof recordSide>>,
  sideB: Awaited<ReturnType<typeof recordSide>>,
): RecordingSummary {
  const all = [
    ...sideA.readings.map((r, index) => ({ r, ref: { index, side: 'a' as const, reading: r.reading } })),
    ...sideB.readings.map((r, index) => ({ r, ref: { index, side: 'b' as const, reading: r.reading } })),
  ];
  return {
    items: all.filter(({ r }) => r.itemId).length,
    seizures: sideA.summary.seizures + sideB.summary.seizures,
    damagedAsRead: all.filter(({ r }) => r.markDamaged && !r.reRecordedDamaged && r.itemId).length,
    reRecordedDamaged: all.filter(({ r }) => r.reRecordedDamaged && r.itemId).length,
    refused: all.flatMap(({ r, ref }) => (r.refused ? [{ ref, reason: r.refused }] : [])),
    seconds: sideA.summary.seconds + sideB.summary.seconds,
  };
}
