import { invalidArgument } from '../../shared/refusal';

/** A ranking answers at most this many entries. */
export const MAX_RANKED = 100;

/** How many entries of a ranking are asked for: 1 to 100, else refused. */
export function rankedFirst(first: number): number {
  if (!Number.isInteger(first) || first < 1 || first > MAX_RANKED) {
    throw invalidArgument(`first must be from 1 to ${MAX_RANKED}, got ${first}`, 'first');
  }
  return first;
}
