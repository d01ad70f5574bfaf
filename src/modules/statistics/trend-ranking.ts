import type { StatsKey } from './stats-query';
import type { TrendPeriods } from './trend-periods';

/** How many finished periods before the last one a trend's change compares it with. */
export const CHANGE_BASE_PERIODS = 3;

export interface TrendPoint {
  period: string;
  seizures: number;
  items: number;
  quantity: number;
}

export interface Trend {
  key: StatsKey[];
  points: TrendPoint[];
  /** (last finished period − mean of the 3 before) / that mean, on seizures; null when that mean is 0 or there are not 4 finished periods. */
  change: number | null;
}

/** The counts of one key in one period (periods without seizures are absent). */
export interface SeriesCount extends TrendPoint {
  key: StatsKey[];
}

const zero = (period: string): TrendPoint => ({ period, seizures: 0, items: 0, quantity: 0 });
const keyText = (key: StatsKey[]) => key.map((part) => part.value).join('\u0000');
const byCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The change of a series whose first `finished` points are over (see Trend.change). */
export function trendChange(points: readonly TrendPoint[], finished: number): number | null {
  const last = finished - 1;
  if (last < CHANGE_BASE_PERIODS) return null;
  const baseSum = points.slice(last - CHANGE_BASE_PERIODS, last).reduce((sum, point) => sum + point.seizures, 0);
  // (last − sum/3) / (sum/3), written in whole numbers so that 1 against 1, 0, 0 is exactly 2.
  return baseSum === 0 ? null : (CHANGE_BASE_PERIODS * points[last].seizures - baseSum) / baseSum;
}

/**
 * One trend per key seen, with a point for every period (zeros where it had no seizures), ranked
 * by change, steepest rise first; trends without a change last. Ties: more seizures in the last
 * finished period first, then by key.
 */
export function rankTrends(series: readonly SeriesCount[], periods: TrendPeriods): Trend[] {
  const position = new Map(periods.labels.map((label, n) => [label, n]));
  const trends = new Map<string, { key: StatsKey[]; points: TrendPoint[] }>();
  for (const count of series) {
    const at = position.get(count.period);
    if (at === undefined) continue;
    const text = keyText(count.key);
    if (!trends.has(text)) trends.set(text, { key: count.key, points: periods.labels.map(zero) });
    const { key: _key, ...point } = count;
    trends.get(text)!.points[at] = point;
  }
  const lastFinished = (trend: { points: TrendPoint[] }) => trend.points[periods.finished - 1]?.seizures ?? 0;
  return [...trends.values()]
    .map((trend) => ({ ...trend, change: trendChange(trend.points, periods.finished) }))
    .sort((a, b) => {
      if (a.change !== b.change) {
        if (a.change === null) return 1;
        if (b.change === null) return -1;
        return b.change - a.change;
      }
      return lastFinished(b) - lastFinished(a) || byCodePoints(keyText(a.key), keyText(b.key));
    });
}
