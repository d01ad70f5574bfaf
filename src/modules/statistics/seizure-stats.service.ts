import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { invalidArgument } from '../../shared/refusal';
import type { SeizureFilter } from '../seizure/seizure.inputs';
import { StatsDimension, StatsInterval } from './statistics.enums';
import { rankedFirst } from './ranked-first';
import { countSeizures, type StatsKey } from './stats-query';
import { trendPeriods } from './trend-periods';
import { rankTrends, type Trend } from './trend-ranking';

/** groupBy takes at most this many dimensions, as the public contract says. */
const MAX_DIMENSIONS = 3;

export interface StatsBucket {
  key: StatsKey[];
  seizures: number;
  items: number;
  quantity: number;
}

export interface SeizureStats {
  total: StatsBucket;
  buckets: StatsBucket[];
}

/** Dimensions as asked: at most three, each once. */
function dimensionsOf(dimensions: readonly StatsDimension[], argument: string): StatsDimension[] {
  if (dimensions.length > MAX_DIMENSIONS) {
    throw invalidArgument(`${argument} takes at most ${MAX_DIMENSIONS} dimensions, got ${dimensions.length}`, argument);
  }
  const repeated = dimensions.find((dimension, n) => dimensions.indexOf(dimension) !== n);
  if (repeated) throw invalidArgument(`${argument} names ${repeated} twice`, argument);
  return [...dimensions];
}

const keyOf = (dimensions: readonly StatsDimension[], values: string[]): StatsKey[] =>
  dimensions.map((dimension, n) => ({ dimension, value: values[n] }));

/** Counts and trends of the seizures a caller may read, computed in PostgreSQL under the caller's visibility. */
export class SeizureStatsService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  /** Seizures, items and quantities of the filter's readable seizures, in total and per group of `groupBy`. */
  async seizureStats(filter: SeizureFilter | null | undefined, groupBy: readonly StatsDimension[]): Promise<SeizureStats> {
    const dimensions = dimensionsOf(groupBy, 'groupBy');
    const { total, groups } = await countSeizures(this.manager, this.caller, filter ?? {}, dimensions);
    const everything = { key: [], ...total };
    // No dimension: one group, everything (when there is anything).
    if (dimensions.length === 0) return { total: everything, buckets: total.seizures > 0 ? [everything] : [] };
    return { total: everything, buckets: groups.map(({ values, ...counts }) => ({ key: keyOf(dimensions, values), ...counts })) };
  }

  /**
   * A series per key of `by` over the filter's periods (every period, empty ones as zeros),
   * steepest rise first (see rankTrends), at most `first`.
   */
  async seizureTrends(
    filter: SeizureFilter | null | undefined,
    by: readonly StatsDimension[],
    interval: StatsInterval,
    first: number,
  ): Promise<Trend[]> {
    const dimensions = dimensionsOf(by, 'by');
    const period = dimensions.find((dimension) => dimension === StatsDimension.MONTH || dimension === StatsDimension.WEEK);
    if (period) throw invalidArgument(`by cannot hold ${period}: the trend's periods are its interval`, 'by');
    const count = rankedFirst(first);
    const periods = await trendPeriods(this.manager, filter ?? {}, interval, new Date());
    const counted = { ...filter, seizedFrom: filter?.seizedFrom ?? periods.from };
    const intervalDimension = interval === StatsInterval.WEEK ? StatsDimension.WEEK : StatsDimension.MONTH;
    const { groups } = await countSeizures(this.manager, this.caller, counted, [...dimensions, intervalDimension]);
    const series = groups.map(({ values, ...counts }) => ({ key: keyOf(dimensions, values), period: values[dimensions.length], ...counts }));
    return rankTrends(series, periods).slice(0, count);
  }
}
