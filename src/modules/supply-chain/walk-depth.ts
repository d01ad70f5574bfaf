import { invalidArgument } from '../../shared/refusal';

/** How many steps a walk takes when not told. */
export const DEFAULT_WALK_DEPTH = 10;
/** Walks end: at most this depth, as the public contract promises. */
export const MAX_WALK_DEPTH = 20;

/** The depth a walk is asked for: below 1 refused, above 20 taken as 20, none as the default. */
export function walkDepth(maxDepth: number | null | undefined): number {
  const depth = maxDepth ?? DEFAULT_WALK_DEPTH;
  if (!Number.isInteger(depth) || depth < 1) throw invalidArgument(`maxDepth must be at least 1, got ${depth}`, 'maxDepth');
  return Math.min(depth, MAX_WALK_DEPTH);
}
