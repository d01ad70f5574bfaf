import type { EnumDeclaration } from '../registry-module';
import { StatsDimension, StatsInterval } from './statistics.enums';

/** This module's GraphQL enums, with their descriptions. */
export const STATISTICS_ENUMS: EnumDeclaration[] = [
  {
    type: StatsDimension,
    name: 'StatsDimension',
    description: 'What seizure statistics are grouped by.',
    valuesConfig: {
      JURISDICTION: { description: 'The country of seizure (a country code).' },
      AGENCY: { description: 'The recording agency (its code).' },
      ITEM_KIND: { description: 'The kind of item (an ItemKind name); counts in the bucket are of that kind\'s items.' },
      MAKE: { description: 'The make, folded as supplier names are (case, punctuation, legal forms), shown as its most frequent spelling; "" for items without one.' },
      MONTH: { description: 'The calendar month of seizure in UTC, as 2026-03.' },
      WEEK: { description: 'The ISO 8601 week of seizure in UTC (weeks start on Monday; week 1 holds the year\'s first Thursday), as 2026-W11.' },
    },
  },
  {
    type: StatsInterval,
    name: 'StatsInterval',
    description: 'The length of a trend\'s periods, in UTC.',
    valuesConfig: {
      WEEK: { description: 'ISO 8601 weeks, Monday to Sunday, as 2026-W11.' },
      MONTH: { description: 'Calendar months, as 2026-03.' },
    },
  },
];
