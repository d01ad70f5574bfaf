import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor } from '../graphql/relay/cursor';
import { toPage, type Page, type PageRequest } from '../graphql/relay/page';

/** The sort key of a list ordered newest first: a timestamp column, then the id to break ties. */
export interface NewestFirstOrder<T> {
  /** Tells cursors of different lists apart. */
  kind: string;
  /** SQL of the timestamp column and of the id column, e.g. `s.seized_at`, `s.id`. */
  timeColumn: string;
  idColumn: string;
  /** The same key read from a loaded row. */
  keyOf(row: T): { time: Date; id: string };
}

/** The cursor of a row in such a list. */
export function newestFirstCursor<T>(order: NewestFirstOrder<T>, row: T): string {
  const { time, id } = order.keyOf(row);
  return encodeCursor(order.kind, [time.toISOString(), id]);
}

/**
 * One page of a filtered query, newest first, by keyset (never OFFSET): fetches `first + 1`
 * rows to learn whether more follow, and counts the whole filtered list only if asked.
 */
export async function newestFirstPage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: NewestFirstOrder<T>,
  page: PageRequest,
): Promise<Page<T>> {
  const counting = query.clone();
  if (page.after) {
    const [time, id] = decodeCursor(page.after, order.kind, 2);
    query.andWhere(`(${order.timeColumn}, ${order.idColumn}) < (CAST(:afterTime AS timestamptz), CAST(:afterId AS uuid))`, {
      afterTime: time,
      afterId: id,
    });
  }
  const rows = await query
    .orderBy(order.timeColumn, 'DESC')
    .addOrderBy(order.idColumn, 'DESC')
    .limit(page.first + 1)
    .getMany();
  return toPage(rows, page.first, () => counting.getCount());
}
