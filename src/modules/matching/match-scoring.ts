import { isConfusablePair } from './confusables';

/** One side of a comparison: a recorded identifier and the item facts that weigh on it. */
export interface MatchSide {
  key: string;
  make: string | null;
  model: string | null;
}

export interface MatchJudgement {
  score: number;
  reasons: string[];
}

/** A damaged reading must keep this many readable characters to be compared at all. */
export const MIN_READABLE = 5;

const FIELD_WORDS = { HIN: 'hull identification number', SERIAL: 'serial number', BATCH: 'batch number' } as const;

const sameText = (a: string | null, b: string | null) =>
  a !== null && b !== null && a.trim().toLowerCase().replace(/[\s.-]+/g, ' ') === b.trim().toLowerCase().replace(/[\s.-]+/g, ' ');

export function readableCount(key: string): number {
  return key.replace(/[?*]/g, '').length;
}

/**
 * Character by character, how a reading aligns with another, when it can: position by position
 * where neither has a run of unreadable characters (`*`); otherwise only the unreadable
 * characters are counted. Returns null when the two cannot be the same mark.
 */
function compare(a: string, b: string): { confusions: string[]; unreadable: number; runs: number } | null {
  const runs = (a.match(/\*/g)?.length ?? 0) + (b.match(/\*/g)?.length ?? 0);
  if (runs > 0) return { confusions: [], unreadable: (a + b).replace(/[^?]/g, '').length, runs };
  if (a.length !== b.length) return null;
  const confusions: string[] = [];
  let unreadable = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === '?' || b[i] === '?') unreadable++;
    else if (isConfusablePair(a[i], b[i])) confusions.push(`${b[i]} read as ${a[i]} at position ${i + 1}`);
    else return null;
  }
  return { confusions, unreadable, runs };
}

/**
 * Whether two recorded identifiers of the same field can be the same item or batch, how
 * strongly (1.0 exactly when the normalised keys are equal and fully readable; fuzzy matches
 * strictly between 0 and 1), and why, in words an analyst reads. The candidate lookup has
 * already found the pair by folded key or wildcard pattern; this decides and explains.
 */
export function judgeMatch(field: keyof typeof FIELD_WORDS, incoming: MatchSide, existing: MatchSide): MatchJudgement | null {
  const words = FIELD_WORDS[field];
  const reasons: string[] = [];
  const makeAgrees = sameText(incoming.make, existing.make);
  const makeDiffers = incoming.make !== null && existing.make !== null && !makeAgrees;
  const modelAgrees = sameText(incoming.model, existing.model);

  if (incoming.key === existing.key && !/[?*]/.test(incoming.key)) {
    reasons.push(`same ${words} after normalisation`);
    if (makeAgrees) reasons.push('same make');
    if (makeDiffers) reasons.push(`make differs: ${existing.make} / ${incoming.make}`);
    return { score: 1, reasons };
  }
  if (Math.min(readableCount(incoming.key), readableCount(existing.key)) < MIN_READABLE) return null;
  const diff = compare(incoming.key, existing.key);
  if (!diff) return null;

  let score = 0.92;
  reasons.push(...diff.confusions);
  if (incoming.key === existing.key) reasons.push(`the same damaged reading of the ${words}`);
  score -= 0.06 * Math.max(0, diff.confusions.length - 1);
  if (diff.unreadable > 0) {
    reasons.push(`${diff.unreadable} unreadable character${diff.unreadable > 1 ? 's' : ''} on a damaged mark`);
    score -= 0.08 * diff.unreadable;
  }
  if (diff.runs > 0) {
    reasons.push('a run of unreadable characters on a damaged mark');
    score -= 0.2;
  }
  if (makeAgrees) {
    reasons.push('same make');
    score += 0.04;
  }
  if (modelAgrees) {
    reasons.push('same model');
    score += 0.02;
  }
  if (makeDiffers) {
    reasons.push(`make differs: ${existing.make} / ${incoming.make}`);
    score -= 0.25;
  }
  score = Math.round(Math.min(0.99, score) * 1000) / 1000;
  return score > 0.3 ? { score, reasons } : null;
}
