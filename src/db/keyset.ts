import type { CursorCodec, CursorKey, CursorPart, CursorParts } from '../shared/paging/cursor';
import { startingCursor, type KeysetPage } from '../shared/paging/keyset-page';

/** One sort column of a list, most significant first, and the cursor part it is compared with. */
export interface KeysetColumn<F extends CursorParts> {
  part: keyof F & string;
  sql: string;
  descending: boolean;
}

/** How a list is sorted and paged by keyset (never OFFSET): its cursor, its sort columns, and a row's key. */
export interface KeysetOrder<F extends CursorParts, T> {
  codec: CursorCodec<F>;
  /** The sort columns as SQL under a table alias (lists read through a window use their own alias). */
  columns(alias: string): ReadonlyArray<KeysetColumn<F>>;
  keyOf(row: T): CursorKey<F>;
}

/** Writes a bound parameter into SQL (named for TypeORM, positional for plain queries) and returns its placeholder. */
export type Bind = (value: unknown) => string;

const CASTS: Partial<Record<CursorPart, string>> = { instant: 'timestamptz', uuid: 'uuid', decimal: 'numeric', position: 'integer' };

/** Named parameters for a TypeORM query: `bind` returns `:prefixN` and records its value in `params`. */
export function namedParameters(prefix: string): { bind: Bind; params: Record<string, unknown> } {
  const params: Record<string, unknown> = {};
  const bind: Bind = (value) => {
    const name = `${prefix}${Object.keys(params).length}`;
    params[name] = value;
    return `:${name}`;
  };
  return { bind, params };
}

/**
 * The condition that a row comes after (`follows`) or before (`precedes`) a key in the list's
 * order, or is at it when `inclusive`. Columns sorted one way compare as a row value, which
 * an index on them serves; mixed directions (score descending, id ascending) are spelt out.
 */
function keyCondition<F extends CursorParts>(
  columns: ReadonlyArray<KeysetColumn<F>>,
  codec: CursorCodec<F>,
  key: CursorKey<F>,
  relation: 'follows' | 'precedes',
  inclusive: boolean,
  bind: Bind,
): string {
  const value = new Map(columns.map((c) => [c.part, `CAST(${bind(key[c.part])} AS ${CASTS[codec.parts[c.part]]})`]));
  const operator = (column: KeysetColumn<F>, orEqual: boolean) =>
    `${(relation === 'follows') === column.descending ? '<' : '>'}${orEqual ? '=' : ''}`;
  if (columns.every((c) => c.descending === columns[0].descending)) {
    return `(${columns.map((c) => c.sql).join(', ')}) ${operator(columns[0], inclusive)} (${columns.map((c) => value.get(c.part)).join(', ')})`;
  }
  const alternatives = columns.map((column, i) => {
    const equalBefore = columns.slice(0, i).map((c) => `${c.sql} = ${value.get(c.part)}`);
    const last = i === columns.length - 1;
    return [...equalBefore, `${column.sql} ${operator(column, last && inclusive)} ${value.get(column.part)}`].join(' AND ');
  });
  return `(${alternatives.map((a) => `(${a})`).join(' OR ')})`;
}

/**
 * The WHERE conditions of a page: rows after `after` and before `before`, the starting
 * cursor's own row included (see rowsToFetch).
 */
export function keysetConditions<F extends CursorParts>(
  columns: ReadonlyArray<KeysetColumn<F>>,
  codec: CursorCodec<F>,
  page: KeysetPage<CursorKey<F>>,
  bind: Bind,
): string[] {
  const start = startingCursor(page);
  const conditions: string[] = [];
  if (page.after) conditions.push(keyCondition(columns, codec, page.after, 'follows', page.after === start, bind));
  if (page.before) conditions.push(keyCondition(columns, codec, page.before, 'precedes', page.before === start, bind));
  return conditions;
}

/** The ORDER BY of a page in travel order: the list's order forwards, reversed backwards. */
export function travelOrder<F extends CursorParts>(
  columns: ReadonlyArray<KeysetColumn<F>>,
  page: KeysetPage<unknown>,
): Array<{ sql: string; direction: 'ASC' | 'DESC' }> {
  return columns.map((c) => ({ sql: c.sql, direction: c.descending !== page.backward ? 'DESC' : 'ASC' }));
}

/** The same, as SQL text (for window functions and plain queries). */
export function travelOrderSql<F extends CursorParts>(columns: ReadonlyArray<KeysetColumn<F>>, page: KeysetPage<unknown>): string {
  return travelOrder(columns, page).map((o) => `${o.sql} ${o.direction}`).join(', ');
}
