import { badUserInput } from '../errors/graphql-errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Validated `first`/`after` of a connection. */
export interface PageRequest {
  first: number;
  after: string | null;
}

export function pageRequest(first: number | null | undefined, after: string | null | undefined): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`\`first\` must be between 0 and ${MAX_PAGE_SIZE}, got ${size}`, 'first');
  }
  return { first: size, after: after ?? null };
}

/** One page of rows, fetched with one extra row to learn whether another page follows. */
export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
  /** Lazily counted: only when the query asks for `totalCount`. */
  totalCount: () => Promise<number>;
}

/** Trims the look-ahead row of a `first + 1` fetch. */
export function toPage<T>(fetched: T[], first: number, totalCount: () => Promise<number>): Page<T> {
  return { rows: fetched.slice(0, first), hasNextPage: fetched.length > first, totalCount };
}
