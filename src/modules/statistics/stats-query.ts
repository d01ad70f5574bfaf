import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy, type SqlCondition } from '../../auth/visibility';
import { PLANNED_FOR_ITS_VALUES } from '../../db/named-statements';
import { seizureFilterConditions } from '../seizure/seizure.service';
import type { SeizureFilter } from '../seizure/seizure.inputs';
import { StatsDimension } from './statistics.enums';

/**
 * How a dimension reads a seizure `s` (or, `perItem`, an item line `i` of it): the value grouped
 * on, and how the grouped value `d` is shown.
 */
interface DimensionSql {
  grouped: string;
  shown?: (d: string) => string;
  perItem?: true;
}

/** How a period is written (to_char): IYYY and IW are the ISO 8601 week-numbering year and week. */
export const PERIOD_FORMAT = { MONTH: 'YYYY-MM', WEEK: 'IYYY-"W"IW' } as const;

// Periods are read in UTC.
const periodOfSeizure = (format: string) => `to_char(s.seized_at AT TIME ZONE 'UTC', '${format}')`;

const DIMENSIONS: Record<StatsDimension, DimensionSql> = {
  [StatsDimension.JURISDICTION]: { grouped: 's.jurisdiction::text' },
  // Grouped on the id (one hash key per seizure), shown as the code once per bucket.
  [StatsDimension.AGENCY]: { grouped: 's.agency_id', shown: (d) => `(SELECT a.code FROM agency a WHERE a.id = ${d})` },
  [StatsDimension.ITEM_KIND]: { grouped: 'i.kind::text', perItem: true },
  // The folded make, shown as the group's most frequent spelling (the `spelling` CTE below); '' stays ''.
  [StatsDimension.MAKE]: { grouped: 'i.make_key', perItem: true, shown: (d) => `CASE WHEN ${d} = '' THEN '' ELSE (SELECT sp.make FROM spelling sp WHERE sp.make_key = ${d}) END` },
  [StatsDimension.MONTH]: { grouped: periodOfSeizure(PERIOD_FORMAT.MONTH) },
  [StatsDimension.WEEK]: { grouped: periodOfSeizure(PERIOD_FORMAT.WEEK) },
};

/** One part of a group's key: a dimension and its shown value. */
export interface StatsKey {
  dimension: StatsDimension;
  value: string;
}

/** One group of the answer: the shown value of each dimension, in the order asked, and its counts. */
export interface StatsRow {
  values: string[];
  seizures: number;
  items: number;
  quantity: number;
}

/** The counts over everything counted, and those of each group (by seizures descending, then by values). */
export interface StatsRows {
  total: Omit<StatsRow, 'values'>;
  groups: StatsRow[];
}

interface RawRow {
  is_total: boolean;
  seizures: number;
  items: number;
  quantity: string;
  [value: `v${number}`]: string;
}

/**
 * The item lines `i` of seizures `s` that statistics count for a filter: the filter selects
 * seizures exactly as `seizures(filter)` does; with `itemKind`, only the items of those kinds
 * count (a seizure holding one is selected by the list, and is counted through it).
 */
export function selectedItemsConditions(filter: SeizureFilter): SqlCondition[] {
  const conditions = seizureFilterConditions({ ...filter, itemKind: null });
  if (filter.itemKind?.length) conditions.push({ clause: 'i.kind = ANY(:itemKinds)', params: { itemKinds: filter.itemKind } });
  return conditions;
}

/**
 * Counts the item lines of the seizures the caller may read that the filter selects, grouped by
 * `dimensions`, in one statement: distinct seizures, item lines and summed quantities per group,
 * and over everything (a grouping set of its own); the lines counted are those of
 * selectedItemsConditions. When neither a dimension nor the filter looks at items, seizures are
 * read alone, with the item counts each keeps (item_count, item_quantity).
 */
export async function countSeizures(
  manager: EntityManager,
  caller: Caller,
  filter: SeizureFilter,
  dimensions: readonly StatsDimension[],
): Promise<StatsRows> {
  const perItem = Boolean(filter.itemKind?.length) || dimensions.some((d) => DIMENSIONS[d].perItem);
  const conditions = [readableBy('s', caller), ...(perItem ? selectedItemsConditions(filter) : seizureFilterConditions(filter))];
  const columns = dimensions.map((_, n) => `d${n}`);
  const makeColumn = columns[dimensions.indexOf(StatsDimension.MAKE)];

  const counted = `counted AS (
    SELECT s.id AS seizure_id, ${perItem ? '1 AS lines, i.quantity' : 's.item_count AS lines, s.item_quantity AS quantity'}${makeColumn ? ', i.make' : ''}${dimensions.map((d, n) => `, ${DIMENSIONS[d].grouped} AS d${n}`).join('')}
      FROM seizure s${perItem ? ' JOIN item i ON i.seizure_id = s.id' : ''}
     WHERE ${conditions.map((c) => `(${c.clause})`).join(' AND ')}
  )`;
  const spelling = makeColumn && `spelling AS (
    SELECT DISTINCT ON (make_key) make_key, coalesce(make, '') AS make
      FROM (SELECT ${makeColumn} AS make_key, make, count(*) AS lines FROM counted GROUP BY 1, 2) spelled
     ORDER BY make_key, lines DESC, make COLLATE "C"
  )`;
  const grouped = `grouped AS (
    SELECT ${columns.map((c) => `${c}, `).join('')}${columns.length > 0 ? `GROUPING(${columns.join(', ')}) <> 0` : 'true'} AS is_total,
           ${perItem ? 'count(DISTINCT seizure_id)' : 'count(*)'}::int AS seizures, coalesce(sum(lines), 0)::int AS items,
           coalesce(sum(quantity), 0)::bigint AS quantity
      FROM counted
     GROUP BY GROUPING SETS (${columns.length > 0 ? `(${columns.join(', ')}), ` : ''}())
  )`;
  const shown = dimensions.map((d, n) => `${DIMENSIONS[d].shown?.(`d${n}`) ?? `d${n}`} AS v${n}`);
  // Sorted on the values as shown (an output name can be sorted on only bare, hence the subquery).
  const sql = `${PLANNED_FOR_ITS_VALUES}WITH ${[counted, spelling, grouped].filter(Boolean).join(', ')}
    SELECT * FROM (SELECT is_total, seizures, items, quantity${shown.map((s) => `, ${s}`).join('')} FROM grouped) AS answer
     ORDER BY is_total DESC, seizures DESC${dimensions.map((_, n) => `, v${n} COLLATE "C"`).join('')}`;
  const [query, values] = manager.connection.driver.escapeQueryWithParameters(sql, Object.assign({}, ...conditions.map((c) => c.params)));
  return countsOf(await manager.query(query, values), dimensions.length);
}

function countsOf(rows: RawRow[], dimensionCount: number): StatsRows {
  const counts = (row: RawRow) => ({ seizures: row.seizures, items: row.items, quantity: Number(row.quantity) });
  const total = rows.find((row) => row.is_total);
  return {
    total: total ? counts(total) : { seizures: 0, items: 0, quantity: 0 },
    groups: rows
      .filter((row) => !row.is_total)
      .map((row) => ({ values: Array.from({ length: dimensionCount }, (_, n) => row[`v${n}`]), ...counts(row) })),
  };
}
