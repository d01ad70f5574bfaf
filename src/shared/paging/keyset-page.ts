import type { CursorCodec, CursorKey, CursorParts } from './cursor';
import type { Page, PageRequest } from './page';

/** A page request with its cursors decoded into keys of the list. */
export interface KeysetPage<K> {
  size: number;
  backward: boolean;
  after: K | null;
  before: K | null;
}

/** Decodes both cursors of a request, each refused as BAD_USER_INPUT naming its argument. */
export function decodePage<F extends CursorParts>(request: PageRequest, codec: CursorCodec<F>): KeysetPage<CursorKey<F>> {
  return {
    size: request.size,
    backward: request.backward,
    after: request.after === null ? null : codec.decode(request.after, 'after'),
    before: request.before === null ? null : codec.decode(request.before, 'before'),
  };
}

/** The cursor a page is read from: `after` going forwards, `before` going backwards. */
export function startingCursor<K>(page: KeysetPage<K>): K | null {
  return page.backward ? page.before : page.after;
}

/**
 * How many rows to fetch, in travel order (list order forwards, reversed backwards): the
 * row at the starting cursor itself, when there is one (the query includes it, so that its
 * presence tells, in the same statement, that rows lie behind the page), then the page, then
 * one more to tell that rows lie ahead.
 */
export function rowsToFetch<K>(page: KeysetPage<K>): number {
  return page.size + 1 + (startingCursor(page) ? 1 : 0);
}

/**
 * The page from the rows fetched in travel order (see rowsToFetch), in list order.
 * Ahead of the page (hasNextPage forwards, hasPreviousPage backwards) is exact; behind it is
 * true when the starting cursor's row is still in the list: the Relay specification lets a
 * server answer false when it cannot tell cheaply, which is the case only for a cursor whose
 * row has gone.
 */
export function pageFromFetched<T, F extends CursorParts>(
  fetched: T[],
  page: KeysetPage<CursorKey<F>>,
  order: { codec: CursorCodec<F>; keyOf(row: T): CursorKey<F> },
  totalCount: () => Promise<number>,
): Page<T> {
  const start = startingCursor(page);
  const atStart = start !== null && fetched.length > 0 && order.codec.same(order.keyOf(fetched[0]), start);
  const rest = atStart ? fetched.slice(1) : fetched;
  const rows = rest.slice(0, page.size);
  const ahead = rest.length > page.size;
  if (page.backward) rows.reverse();
  return {
    rows,
    hasNextPage: page.backward ? atStart : ahead,
    hasPreviousPage: page.backward ? ahead : atStart,
    totalCount,
  };
}
