import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import { noteRestrictedHit, type RequestContext } from '../../graphql/context';
import { idOfType, optionalIdOfType } from '../../graphql/relay/global-id';
import { SupplyChainService } from './supply-chain.service';
import { SupplierReachType, SupplyChainType } from './supply-chain.type';
import type { WalkRecords } from './walk-answer';
import { DEFAULT_WALK_DEPTH } from './walk-depth';

/** The request's loaders, primed with the records a walk read and loading the seizures it names. */
function recordsOf(context: RequestContext): WalkRecords {
  const { supplier, movement, agency, seizure } = context.loaders;
  return {
    // byId only: its key is the id a supplier stands for (membersOf and the others are keyed otherwise).
    knownSuppliers: (suppliers) => suppliers.forEach((s) => supplier.byId.prime(s.id, s)),
    knownMovements: (movements) => movements.forEach((m) => movement.byId.prime(m.id, m)),
    knownAgencies: (agencies) => agencies.forEach((a) => agency.byId.prime(a.id, a)),
    seizures: (ids) => seizure.byId.loadMany(ids),
  };
}

/** An answer that shows a restricted hit is audited. */
function audited<T extends { restricted: unknown[] }>(answer: T, context: RequestContext, info: GraphQLResolveInfo): T {
  if (answer.restricted.length > 0) noteRestrictedHit(context, info);
  return answer;
}

@Resolver()
export class SupplyChainResolver {
  @Query(() => SupplyChainType, {
    description: 'Upstream from a seized item, or from every item of a seizure: the suppliers and movements its goods came through, back to the origins.',
  })
  async supplyChain(
    @Arg('itemId', () => ID, { nullable: true, description: 'Start from this item (give exactly one of itemId and seizureId).' }) itemId: string | null,
    @Arg('seizureId', () => ID, { nullable: true, description: 'Start from every item of this seizure.' }) seizureId: string | null,
    @Arg('maxDepth', () => Int, { nullable: true, defaultValue: DEFAULT_WALK_DEPTH, description: 'How many steps upstream, 1 to 20 (more counts as 20).' }) maxDepth: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SupplyChainType> {
    const caller = requireBusinessReader(await context.tx.caller());
    const start = { itemId: optionalIdOfType(itemId, 'Item'), seizureId: optionalIdOfType(seizureId, 'Seizure') };
    const answer = await new SupplyChainService(await context.tx.manager(), caller).supplyChain(start, maxDepth, recordsOf(context));
    return audited(answer, context, info);
  }

  @Query(() => SupplierReachType, {
    description: 'Downstream from a supplier: the suppliers its goods reached, and every readable seizure, in every country, they ended up in.',
  })
  async supplierReach(
    @Arg('supplierId', () => ID, { description: 'The supplier to start from.' }) supplierId: string,
    @Arg('maxDepth', () => Int, { nullable: true, defaultValue: DEFAULT_WALK_DEPTH, description: 'How many steps downstream, 1 to 20 (more counts as 20).' }) maxDepth: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SupplierReachType> {
    const caller = requireBusinessReader(await context.tx.caller());
    const answer = await new SupplyChainService(await context.tx.manager(), caller).supplierReach(idOfType(supplierId, 'Supplier'), maxDepth, recordsOf(context));
    return audited(answer, context, info);
  }
}
