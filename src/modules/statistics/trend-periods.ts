import type { EntityManager } from 'typeorm';
import { invalidArgument } from '../../shared/refusal';
import type { SeizureFilter } from '../seizure/seizure.inputs';
import { StatsInterval } from './statistics.enums';
import { PERIOD_FORMAT } from './stats-query';

/** A trend spans at most this many periods (ten years of weeks). */
export const MAX_PERIODS = 520;
/** Without seizedFrom, a trend starts this many whole periods before the one it ends in. */
export const DEFAULT_PERIODS = 12;

/** The periods of a trend, oldest first, written as statistics write them (2026-03, 2026-W11). */
export interface TrendPeriods {
  labels: string[];
  /** How many of them, from the first, are over: they end by now and by seizedTo. */
  finished: number;
  /** Where the first period starts. */
  from: Date;
}

const UNIT = { [StatsInterval.MONTH]: 'month', [StatsInterval.WEEK]: 'week' } as const;

/**
 * The calendar months or ISO weeks (in UTC; date_trunc's weeks start on Monday, as ISO's do)
 * from the one holding seizedFrom to the one holding seizedTo (or now). Without seizedFrom,
 * from 12 whole periods before the last one. Computed by PostgreSQL, as the counts' periods are.
 */
export async function trendPeriods(manager: EntityManager, filter: SeizureFilter, interval: StatsInterval, now: Date): Promise<TrendPeriods> {
  const rows: Array<{ label: string; finished: boolean; starts: Date }> = await manager.query(
    `WITH bounds AS (
       SELECT CAST($2 AS interval) AS step, coalesce(CAST($5 AS timestamptz), $3) AT TIME ZONE 'UTC' AS last_moment,
              coalesce(CAST($5 AS timestamptz) + interval '1 millisecond', 'infinity') AS covered_until
     )
     SELECT to_char(p, $6) AS label, (p + step) AT TIME ZONE 'UTC' <= least($3, covered_until) AS finished, p AT TIME ZONE 'UTC' AS starts
       FROM bounds,
            generate_series(
              date_trunc($1, coalesce(CAST($4 AS timestamptz) AT TIME ZONE 'UTC', date_trunc($1, last_moment) - $7 * step)),
              last_moment, step) AS p
      LIMIT $8`,
    [UNIT[interval], `1 ${UNIT[interval]}`, now, filter.seizedFrom ?? null, filter.seizedTo ?? null, PERIOD_FORMAT[interval], DEFAULT_PERIODS, MAX_PERIODS + 1],
  );
  if (rows.length > MAX_PERIODS) {
    throw invalidArgument(`a trend spans at most ${MAX_PERIODS} periods: narrow filter.seizedFrom..seizedTo or take a longer interval`, 'filter');
  }
  return {
    labels: rows.map((row) => row.label),
    finished: rows.filter((row) => row.finished).length,
    from: rows[0]?.starts ?? now,
  };
}
