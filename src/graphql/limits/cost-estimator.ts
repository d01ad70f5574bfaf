import { getNamedType, isCompositeType } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { DEFAULT_WALK_DEPTH, MAX_WALK_DEPTH } from '../../modules/supply-chain/walk-depth';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../../shared/paging/page';

/** Suppliers a walk is assumed to add per step, on average: its lists are priced at maxDepth times this. */
export const WALK_WIDTH = 5;

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
const hasArgument = (field: { args: ReadonlyArray<{ name: string }> }, name: string) => field.args.some((a) => a.name === name);

/**
 * The cost of a field, roughly the records the server loads to answer it:
 * - a scalar or enum costs 0 (it comes with its record);
 * - an object, or a short list of them (matches, custody, sharedWith...), costs 1 plus its selection;
 * - a field with a `first` argument (every connection, supplierCandidates) costs 1 plus its page
 *   size times its selection: `first`, or `last` when paging backwards (a connection given both
 *   is refused; the estimate takes the larger); it defaults to 20 or the argument's own default,
 *   and counts as at most 100 (a larger one is refused by its resolver before anything runs);
 * - a walk (a field with `maxDepth`: supplyChain, supplierReach) costs 1 plus
 *   WALK_WIDTH x maxDepth (1 to 20, default 10) times its selection.
 * Arguments arrive coerced with the request's variables.
 */
export const registryCostEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!isCompositeType(getNamedType(field.type))) return 0;
  if (hasArgument(field, 'first') || hasArgument(field, 'last')) {
    const sizes = [args.first, args.last].filter((size): size is number => typeof size === 'number');
    const size = sizes.length ? Math.max(...sizes) : DEFAULT_PAGE_SIZE;
    return 1 + clamp(size, 0, MAX_PAGE_SIZE) * childComplexity;
  }
  if (hasArgument(field, 'maxDepth')) {
    const depth = typeof args.maxDepth === 'number' ? args.maxDepth : DEFAULT_WALK_DEPTH;
    return 1 + WALK_WIDTH * clamp(depth, 1, MAX_WALK_DEPTH) * childComplexity;
  }
  return 1 + childComplexity;
};
