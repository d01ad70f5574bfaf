import { StatsDimension } from '../../src/modules/statistics/statistics.enums';
import { rankTrends, trendChange, type TrendPoint } from '../../src/modules/statistics/trend-ranking';

const points = (...seizures: number[]): TrendPoint[] => seizures.map((n, i) => ({ period: `P${i}`, seizures: n, items: 2 * n, quantity: 3 * n }));
const key = (value: string) => [{ dimension: StatsDimension.JURISDICTION, value }];

describe('trendChange', () => {
  it('compares the last finished period with the mean of the three before it', () => {
    expect(trendChange(points(9, 1, 2, 3, 6), 5)).toBe(2); // (6 − 2) / 2
    expect(trendChange(points(1, 0, 0, 1), 4)).toBe(2); // exactly: (1 − 1/3) / (1/3)
    expect(trendChange(points(1, 2, 3, 6, 100), 4)).toBe(2); // the fifth period is unfinished
  });

  it('is null with fewer than four finished periods, or a mean of zero before', () => {
    expect(trendChange(points(1, 2, 3, 4), 3)).toBeNull();
    expect(trendChange(points(0, 0, 0, 5), 4)).toBeNull();
  });
});

describe('rankTrends', () => {
  const periods = { labels: ['P0', 'P1', 'P2', 'P3'], finished: 4, from: new Date(0) };
  const count = (value: string, period: string, seizures: number) => ({ key: key(value), period, seizures, items: seizures, quantity: seizures });

  it('fills every period, zeros where nothing was seized, and ignores periods outside the span', () => {
    const [trend] = rankTrends([count('FR', 'P1', 2), count('FR', 'P9', 7)], periods);
    expect(trend.points.map((p) => p.seizures)).toEqual([0, 2, 0, 0]);
    expect(trend.points.map((p) => p.period)).toEqual(periods.labels);
  });

  it('ranks the steepest rise first, null changes last, ties by the last period then by key', () => {
    const series = [
      count('AA', 'P3', 5), // no base: null
      count('BE', 'P0', 1), count('BE', 'P1', 1), count('BE', 'P2', 1), count('BE', 'P3', 2), // 1
      count('DE', 'P0', 2), count('DE', 'P1', 2), count('DE', 'P2', 2), count('DE', 'P3', 4), // 1, more seizures
      count('CH', 'P0', 1), count('CH', 'P1', 1), count('CH', 'P2', 1), count('CH', 'P3', 2), // 1, as BE
      count('FR', 'P0', 1), count('FR', 'P1', 1), count('FR', 'P2', 1), count('FR', 'P3', 4), // 3
    ];
    expect(rankTrends(series, periods).map((t) => `${t.key[0].value}:${t.change}`)).toEqual(['FR:3', 'DE:1', 'BE:1', 'CH:1', 'AA:null']);
  });
});
