// From what each pair got to rates per label, the contract's checks, and the targets of issue 4.
import type { PairObservation } from './identifier-pairs';
import { IDENTIFIER_FIELD } from './record-items';
import { PAIR_LABELS, type PairLabel } from './sample';

export interface Target {
  /** recall: matched / pairs must reach `value`; falseMatchRate: matched / pairs must stay at or below it. */
  measure: 'recall' | 'falseMatchRate';
  value: number;
}

export const PAIR_TARGETS: Record<PairLabel, Target> = {
  same: { measure: 'recall', value: 1.0 },
  fuzzy: { measure: 'recall', value: 0.95 },
  'fuzzy-boat': { measure: 'recall', value: 0.95 },
  different: { measure: 'falseMatchRate', value: 0.01 },
};

export interface Check {
  passed: number;
  of: number;
}

export interface LabelResult {
  label: PairLabel;
  pairs: number;
  /** Pairs with either reading refused by the registry (they count as not matched). */
  notRecorded: number;
  matched: number;
  /** matched / pairs: recall for same/fuzzy labels, false-match rate for `different`. */
  rate: number;
  target: Target;
  met: boolean;
  /** Among matched pairs: score 1.0 for `same`, strictly between 0 and 1 for fuzzy labels; null for `different`. */
  score: Check | null;
  /** Among matched pairs: the basis names the field (SAME_SERIAL / SAME_HIN / SAME_BATCH). */
  basis: Check;
  /** Among matched pairs: status SUGGESTED (nobody decided anything). */
  status: Check;
  /** Among recorded pairs: each item lists the other exactly when the other lists it, with the same score and basis. */
  directions: Check;
}

export interface IdentifierMetrics {
  labels: LabelResult[];
  /** Matched positive pairs / all matched labelled pairs (cross-pair matches not counted). */
  precision: number | null;
}

const EPSILON = 1e-9;

export function identifierMetrics(observations: PairObservation[]): IdentifierMetrics {
  const labels = PAIR_LABELS.map((label) => labelResult(label, observations.filter((o) => o.pair.label === label)))
    .filter((result) => result.pairs > 0);
  const truePositives = labels.filter((l) => l.label !== 'different').reduce((sum, l) => sum + l.matched, 0);
  const falsePositives = labels.find((l) => l.label === 'different')?.matched ?? 0;
  const predicted = truePositives + falsePositives;
  return { labels, precision: predicted > 0 ? truePositives / predicted : null };
}

function labelResult(label: PairLabel, observations: PairObservation[]): LabelResult {
  const target = PAIR_TARGETS[label];
  const recorded = observations.filter((o) => o.a.itemId && o.b.itemId);
  const matched = observations.filter((o) => o.aSeenFromB);
  const rate = observations.length > 0 ? matched.length / observations.length : 0;
  const met = target.measure === 'recall' ? rate >= target.value - EPSILON : rate <= target.value + EPSILON;
  const check = (list: PairObservation[], ok: (o: PairObservation) => boolean): Check => ({ passed: list.filter(ok).length, of: list.length });
  const scoreOk =
    label === 'same'
      ? (o: PairObservation) => Math.abs(o.aSeenFromB!.score - 1) < EPSILON
      : (o: PairObservation) => o.aSeenFromB!.score > 0 && o.aSeenFromB!.score < 1;
  return {
    label,
    pairs: observations.length,
    notRecorded: observations.length - recorded.length,
    matched: matched.length,
    rate,
    target,
    met,
    score: label === 'different' ? null : check(matched, scoreOk),
    basis: check(matched, (o) => o.aSeenFromB!.basis === IDENTIFIER_FIELD[o.pair.kind].basis),
    status: check(matched, (o) => o.aSeenFromB!.status === 'SUGGESTED'),
    directions: check(recorded, directionsAgree),
  };
}

function directionsAgree(o: PairObservation): boolean {
  const [x, y] = [o.aSeenFromB, o.bSeenFromA];
  if (!x || !y) return !x && !y;
  return Math.abs(x.score - y.score) < EPSILON && x.basis === y.basis && x.status === y.status;
}
