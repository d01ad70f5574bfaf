import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import { noteRestrictedHit, type RequestContext } from '../../graphql/context';
import { idOfType, optionalIdOfType } from '../../graphql/relay/global-id';
import { SupplyChainService } from './supply-chain.service';
import { SupplierReachType, SupplyChainType } from './supply-chain.type';
import { DEFAULT_WALK_DEPTH } from './walk-depth';
import { walkRecordsOf } from './walk-records';

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
    const answer = await new SupplyChainService(await context.tx.manager(), caller).supplyChain(start, maxDepth, walkRecordsOf(context));
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
    const answer = await new SupplyChainService(await context.tx.manager(), caller).supplierReach(idOfType(supplierId, 'Supplier'), maxDepth, walkRecordsOf(context));
    return audited(answer, context, info);
  }
}
