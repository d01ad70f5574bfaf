import { noErrors, type Scenario } from './scenario';
import type { SqlWork } from './sql-session';

const STATS = `query SeizureStatsYear($filter: SeizureFilter!) {
  seizureStats(filter: $filter, groupBy: [MONTH, JURISDICTION]) {
    total { seizures items quantity }
    buckets { key { dimension value } seizures items quantity }
  }
}`;

const TOP_SUPPLIERS = `query TopSuppliersWeek($filter: SeizureFilter!) {
  topSuppliers(filter: $filter, first: 10) { supplier { id name country } seizures items jurisdictions }
}`;

/** The whole years of the generated dataset (2019 to October 2025), asked in turn. */
const YEARS = [2019, 2020, 2021, 2022, 2023, 2024];
const yearOf = (n: number) => YEARS[n % YEARS.length];
const yearFilter = (year: number) => ({ seizedFrom: `${year}-01-01T00:00:00.000Z`, seizedTo: `${year}-12-31T23:59:59.999Z` });

/** A year of seizures counted by month and jurisdiction (about 35,000 seizures and 145,000 items at the large scale). */
export function seizureStatsYear(): Scenario<{ year: number }> {
  return {
    name: 'seizure-stats-year',
    title: 'seizureStats of a year by month and jurisdiction',
    params: (n) => ({ year: yearOf(n) }),
    graphql: ({ year }) => ({ query: STATS, variables: { filter: yearFilter(year) } }),
    succeeded: noErrors,
    baseline: 'seizure-stats-year',
  };
}

/**
 * The ten suppliers behind the most seizures of a week (about 700 seizures at the large scale):
 * a walk upstream from every item seized that week. The first weeks of March, in turn.
 */
export function topSuppliersWeek(): Scenario<{ year: number }> {
  return {
    name: 'top-suppliers-week',
    title: 'topSuppliers of a week (first 10)',
    params: (n) => ({ year: yearOf(n) }),
    graphql: ({ year }) => ({ query: TOP_SUPPLIERS, variables: { filter: { seizedFrom: `${year}-03-01T00:00:00.000Z`, seizedTo: `${year}-03-07T23:59:59.999Z` } } }),
    succeeded: noErrors,
    baseline: null,
  };
}

/**
 * The same counts as the plain SQL an analyst would write: the items of the year's readable
 * seizures joined to them, grouped by month and jurisdiction, with the total beside.
 */
export const seizureStatsYearSql: SqlWork = async (session, { year }: { year: number }) => {
  const { seizedFrom, seizedTo } = yearFilter(year);
  const visible = session.readable('s', 3);
  return session.query(
    `SELECT to_char(s.seized_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, s.jurisdiction,
            count(DISTINCT s.id)::int AS seizures, count(*)::int AS items, sum(i.quantity)::bigint AS quantity
       FROM seizure s JOIN item i ON i.seizure_id = s.id
      WHERE ${visible.clause} AND s.seized_at >= $1 AND s.seized_at <= $2
      GROUP BY GROUPING SETS ((to_char(s.seized_at AT TIME ZONE 'UTC', 'YYYY-MM'), s.jurisdiction), ())
      ORDER BY seizures DESC, month, jurisdiction`,
    [seizedFrom, seizedTo, ...visible.values],
  );
};
