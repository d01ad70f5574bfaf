import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { cursorCodec } from '../shared/paging/cursor';
import { decodePage, pageFromFetched, rowsToFetch } from '../shared/paging/keyset-page';
import type { Page, PageRequest } from '../shared/paging/page';
import { keysetConditions, namedParameters, travelOrder, type KeysetOrder } from './keyset';

/** The cursor key of a list ordered newest first: a timestamp, then the id to break ties. */
export const NEWEST_FIRST_PARTS = { time: 'instant', id: 'uuid' } as const;
export type NewestFirstParts = typeof NEWEST_FIRST_PARTS;
export type NewestFirstOrder<T> = KeysetOrder<NewestFirstParts, T> & { alias: string };

/**
 * The order of a list newest first, on `alias`.`timeColumn` then `alias`.`id` (both descending).
 * `kind` tells its cursors from other lists'.
 */
export function newestFirst<T>(spec: {
  kind: string;
  alias: string;
  timeColumn: string;
  keyOf(row: T): { time: Date; id: string };
}): NewestFirstOrder<T> {
  return {
    alias: spec.alias,
    codec: cursorCodec(spec.kind, NEWEST_FIRST_PARTS),
    columns: (alias) => [
      { part: 'time', sql: `${alias}.${spec.timeColumn}`, descending: true },
      { part: 'id', sql: `${alias}.id`, descending: true },
    ],
    keyOf: (row) => {
      const { time, id } = spec.keyOf(row);
      return { time: time.toISOString(), id };
    },
  };
}

/** The cursor of a row in such a list. */
export function newestFirstCursor<T>(order: NewestFirstOrder<T>, row: T): string {
  return order.codec.encode(order.keyOf(row));
}

/**
 * One page of a filtered query, newest first, by keyset (never OFFSET), forwards or
 * backwards, in one statement; the whole filtered list is counted only if asked.
 * Both cursors are decoded (and a bad one refused) before the page's SQL is sent.
 * `fetch` runs the page's query (by default as entities; a planned read selects what it plans).
 */
export async function newestFirstPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: NewestFirstOrder<T>,
  request: PageRequest,
  fetch: (page: SelectQueryBuilder<T>) => Promise<T[]> = (page) => page.getMany(),
): Promise<Page<T>> {
  const page = decodePage(request, order.codec);
  const counting = query.clone();
  const columns = order.columns(order.alias);
  const { bind, params } = namedParameters('keyset');
  for (const condition of keysetConditions(columns, order.codec, page, bind)) query.andWhere(condition);
  query.setParameters(params);
  travelOrder(columns, page).forEach(({ sql, direction }, i) => (i === 0 ? query.orderBy(sql, direction) : query.addOrderBy(sql, direction)));
  const rows = await fetch(query.limit(rowsToFetch(page)));
  return pageFromFetched(rows, page, order, () => counting.getCount());
}
