import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import type { SupplierEntity } from '../supplier/supplier.entity';
import { SupplierType } from '../supplier/supplier.type';
import { StatsDimension } from './statistics.enums';

@ObjectType('StatsKey', { description: 'One part of a bucket\'s key: a dimension and its value.' })
export class StatsKeyType {
  @Field(() => StatsDimension, { description: 'The dimension.' })
  dimension: StatsDimension;

  @Field({ description: 'Its value: a country or agency code, an ItemKind name, a make\'s most frequent spelling ("" for none), a month as 2026-03 or an ISO week as 2026-W11 (UTC).' })
  value: string;
}

@ObjectType('StatsBucket', { description: 'Counts of one group of readable seizures.' })
export class StatsBucketType {
  @Field(() => [StatsKeyType], { description: 'What the group shares, one part per dimension asked, in the order asked; [] for the total.' })
  key: StatsKeyType[];

  @Field(() => Int, { description: 'Distinct seizures; in a bucket keyed by ITEM_KIND or MAKE, those holding at least one of its items.' })
  seizures: number;

  @Field(() => Int, { description: 'Item lines (in a bucket keyed by ITEM_KIND or MAKE, that bucket\'s only).' })
  items: number;

  @Field(() => Int, { description: 'Item quantities added up (600 life jackets in one line count 600).' })
  quantity: number;
}

@ObjectType('SeizureStats', { description: 'Counts of the readable seizures a filter selects, in total and per group.' })
export class SeizureStatsType {
  @Field(() => StatsBucketType, { description: 'Everything counted; seizures equals seizures(filter).totalCount.' })
  total: StatsBucketType;

  @Field(() => [StatsBucketType], { description: 'One bucket per group with seizures, by seizures descending, then by key.' })
  buckets: StatsBucketType[];
}

@ObjectType('TrendPoint', { description: 'The counts of one period of a trend (zeros when it had no seizures).' })
export class TrendPointType {
  @Field({ description: 'The period, in UTC: 2026-03 (a month) or 2026-W11 (an ISO week).' })
  period: string;

  @Field(() => Int, { description: 'Distinct seizures.' })
  seizures: number;

  @Field(() => Int, { description: 'Item lines.' })
  items: number;

  @Field(() => Int, { description: 'Item quantities added up.' })
  quantity: number;
}

@ObjectType('Trend', { description: 'A series of counts per period for one key.' })
export class TrendType {
  @Field(() => [StatsKeyType], { description: 'What the series shares (one part per dimension of `by`); [] for everything.' })
  key: StatsKeyType[];

  @Field(() => [TrendPointType], { description: 'Every period of the span, oldest first, the unfinished one included.' })
  points: TrendPointType[];

  @Field(() => Float, {
    nullable: true,
    description: '(seizures of the last finished period − their mean over the 3 periods before) / that mean; null when that mean is 0 or fewer than 4 periods are finished.',
  })
  change: number | null;
}

@ObjectType('SupplierReachSummary', { description: 'What a supplier\'s goods reached downstream: the readable seizures, as supplierReach finds them at depth 20.' })
export class SupplierReachSummaryType {
  @Field(() => SupplierType, { description: 'The supplier (a surviving one: a merged supplier counts as its survivor).' })
  supplier: SupplierEntity;

  @Field(() => Int, { description: 'Readable seizures (of the filter) holding items its goods reached.' })
  seizures: number;

  @Field(() => Int, { description: 'Item lines of those seizures that its goods reached.' })
  items: number;

  @Field(() => [CountryCodeScalar], { description: 'Where those seizures were made, in alphabetical order.' })
  jurisdictions: string[];
}
