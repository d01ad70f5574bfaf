import { invalidArgument } from '../refusal';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The paging arguments of a connection as the client sent them. */
export interface PageArguments {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/**
 * Validated paging arguments (cursors still opaque), as the Relay connection specification
 * reads them: the rows after `after` and before `before`, of which the first `first` or,
 * paging backwards, the last `last`.
 */
export interface PageRequest {
  /** How many rows the page holds at most. */
  size: number;
  /** True when `last` was given: the page is the last `size` rows before `before` (or the list's end). */
  backward: boolean;
  after: string | null;
  before: string | null;
}

function checkedSize(value: number, argument: 'first' | 'last'): number {
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw invalidArgument(`\`${argument}\` must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`, argument);
  }
  return value;
}

export function pageRequest({ first, after, last, before }: PageArguments): PageRequest {
  const given = (value: number | null | undefined): value is number => value !== null && value !== undefined;
  if (given(first) && given(last)) {
    throw invalidArgument('`first` and `last` cannot be given together: page forwards with `first`/`after`, backwards with `last`/`before`', 'last');
  }
  const backward = given(last);
  return {
    size: backward ? checkedSize(last, 'last') : checkedSize(first ?? DEFAULT_PAGE_SIZE, 'first'),
    backward,
    after: after ?? null,
    before: before ?? null,
  };
}

/** One page of rows, in the list's order, and whether rows come after and before it. */
export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  /** Lazily counted: only when the query asks for `totalCount`. */
  totalCount: () => Promise<number>;
}

/** A page of nothing (a search with nothing to look for). */
export function emptyPage<T>(): Page<T> {
  return { rows: [], hasNextPage: false, hasPreviousPage: false, totalCount: async () => 0 };
}
