import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import type { RequestContext } from '../../graphql/context';
import { SeizureFilter } from '../seizure/seizure.inputs';
import { SeizureStatsService, type SeizureStats } from './seizure-stats.service';
import { StatsDimension, StatsInterval } from './statistics.enums';
import { SeizureStatsType, SupplierReachSummaryType, TrendType } from './statistics.type';
import { TopSuppliersService, type SupplierReachSummary } from './top-suppliers.service';
import type { Trend } from './trend-ranking';

const FILTER = { nullable: true, description: 'Which seizures, as seizures(filter) selects them; with itemKind, only items of those kinds are counted.' } as const;

@Resolver()
export class StatisticsResolver {
  @Query(() => SeizureStatsType, { description: 'Counts of the readable seizures, their items and quantities, in total and grouped by up to 3 dimensions.' })
  async seizureStats(
    @Arg('filter', () => SeizureFilter, FILTER) filter: SeizureFilter | null,
    @Arg('groupBy', () => [StatsDimension], { description: 'At most 3 dimensions, each once; [] for the total alone.' }) groupBy: StatsDimension[],
    @Ctx() context: RequestContext,
  ): Promise<SeizureStats> {
    const caller = requireBusinessReader(await context.tx.caller());
    return new SeizureStatsService(await context.tx.manager(), caller).seizureStats(filter, groupBy);
  }

  @Query(() => [TrendType], {
    description: 'Seizures per period for each key of `by`, every period of the span included (zeros when empty), steepest rise first; trends without a change last.',
  })
  async seizureTrends(
    @Arg('filter', () => SeizureFilter, { ...FILTER, description: `${FILTER.description} Its seizedFrom..seizedTo is the span (default: the last 12 whole periods and the current one).` }) filter: SeizureFilter | null,
    @Arg('by', () => [StatsDimension], { nullable: true, description: 'What each trend is of: at most 3 dimensions, not MONTH or WEEK; none for one trend of everything.' }) by: StatsDimension[] | null,
    @Arg('interval', () => StatsInterval, { nullable: true, defaultValue: StatsInterval.MONTH, description: 'Months or ISO weeks, in UTC.' }) interval: StatsInterval | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'How many trends, 1 to 100.' }) first: number | null,
    @Ctx() context: RequestContext,
  ): Promise<Trend[]> {
    const caller = requireBusinessReader(await context.tx.caller());
    return new SeizureStatsService(await context.tx.manager(), caller).seizureTrends(filter, by ?? [], interval ?? StatsInterval.MONTH, first ?? 10);
  }

  @Query(() => [SupplierReachSummaryType], { description: 'Suppliers ranked by the readable seizures downstream of them (as supplierReach finds them at depth 20); ties by name.' })
  async topSuppliers(
    @Arg('filter', () => SeizureFilter, FILTER) filter: SeizureFilter | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10, description: 'How many suppliers, 1 to 100.' }) first: number | null,
    @Ctx() context: RequestContext,
  ): Promise<SupplierReachSummary[]> {
    const caller = requireBusinessReader(await context.tx.caller());
    const ranked = await new TopSuppliersService(await context.tx.manager(), caller).topSuppliers(filter, first ?? 10);
    ranked.forEach(({ supplier }) => context.loaders.supplier.byId.prime(supplier.id, supplier));
    return ranked;
  }
}
