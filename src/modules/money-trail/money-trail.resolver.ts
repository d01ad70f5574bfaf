import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import { noteRestrictedHit, type RequestContext } from '../../graphql/context';
import { idOfType } from '../../graphql/relay/global-id';
import { TrailDirection } from '../payment/payment.enums';
import { DEFAULT_WALK_DEPTH } from '../supply-chain/walk-depth';
import { MoneyTrailService, type TrailRecords } from './money-trail.service';
import { MoneyTrailType } from './money-trail.type';

/** The request's loaders, primed with the records the trail read. */
function recordsOf(context: RequestContext): TrailRecords {
  const { supplier, payment, agency } = context.loaders;
  return {
    knownSuppliers: (suppliers) => suppliers.forEach((s) => supplier.byId.prime(s.id, s)),
    knownPayments: (payments) => payments.forEach((p) => payment.byId.prime(p.id, p)),
    knownAgencies: (agencies) => agencies.forEach((a) => agency.byId.prime(a.id, a)),
  };
}

@Resolver()
export class MoneyTrailResolver {
  @Query(() => MoneyTrailType, {
    description: 'From a party along the payments: where its money went (through each payment\'s brokers to its payee, and on), or where it came from. Audited.',
  })
  async moneyTrail(
    @Arg('partyId', () => ID, { description: 'The party to start from (a supplier id); it is not a node itself.' }) partyId: string,
    @Arg('direction', () => TrailDirection, { nullable: true, defaultValue: TrailDirection.FOLLOW_MONEY, description: 'Which way to walk.' }) direction: TrailDirection | null,
    @Arg('maxDepth', () => Int, { nullable: true, defaultValue: DEFAULT_WALK_DEPTH, description: 'How many hops, 1 to 20 (more counts as 20); each broker is a hop.' }) maxDepth: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MoneyTrailType> {
    const caller = requireBusinessReader(await context.tx.caller());
    const answer = await new MoneyTrailService(await context.tx.manager(), caller)
      .moneyTrail(idOfType(partyId, 'Supplier'), direction ?? TrailDirection.FOLLOW_MONEY, maxDepth, recordsOf(context));
    if (answer.restricted.length > 0) noteRestrictedHit(context, info);
    return answer;
  }
}
