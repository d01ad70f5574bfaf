import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, ID, Info, Int, Query, Resolver } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import { noteRestrictedHit, type RequestContext } from '../../graphql/context';
import { isLoaded } from '../../shared/loader-results';
import { invalidArgument } from '../../shared/refusal';
import { idOfType } from '../../graphql/relay/global-id';
import type { MovementEntity } from '../movement/movement.entity';
import type { SeizureEntity } from '../seizure/seizure.entity';
import type { SupplierEntity } from '../supplier/supplier.entity';
import { MAX_DEPTH, SupplyChainService, type WalkResult } from './supply-chain.service';
import { SupplierReachType, SupplyChainType, type RestrictedHitType, type SupplyChainEdgeType, type SupplyChainNodeType } from './supply-chain.type';

/** `maxDepth` below 1 is refused; above 20 it is treated as 20. */
function depthLimit(maxDepth: number): number {
  if (!Number.isInteger(maxDepth) || maxDepth < 1) throw invalidArgument(`maxDepth must be at least 1, got ${maxDepth}`, 'maxDepth');
  return Math.min(maxDepth, MAX_DEPTH);
}

const byName = (a: SupplierEntity, b: SupplierEntity) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);

async function loadNodes(walk: WalkResult, context: RequestContext): Promise<SupplyChainNodeType[]> {
  const suppliers = await context.loaders.supplier.byId.loadMany(walk.nodes.map((n) => n.supplierId));
  return walk.nodes
    .map((node, i) => ({ supplier: suppliers[i], depth: node.depth }))
    .filter((node): node is SupplyChainNodeType => isLoaded(node.supplier))
    .sort((a, b) => a.depth - b.depth || byName(a.supplier, b.supplier));
}

const timeOf = (m: MovementEntity) => m.occurredAt?.getTime() ?? Number.MAX_SAFE_INTEGER;

async function loadEdges(walk: WalkResult, context: RequestContext): Promise<SupplyChainEdgeType[]> {
  const movements = await context.loaders.movement.byId.loadMany(walk.edges.map((e) => e.movementId));
  return walk.edges
    .map((edge, i) => ({ movement: movements[i], depth: edge.depth }))
    .filter((edge): edge is SupplyChainEdgeType => isLoaded(edge.movement))
    .sort((a, b) => a.depth - b.depth || timeOf(a.movement) - timeOf(b.movement) || a.movement.id.localeCompare(b.movement.id));
}

/** Hit/no-hit: who owns each hidden step (an agency and its country are public), by agency code then handling. */
async function loadRestricted(walk: WalkResult, context: RequestContext, info: GraphQLResolveInfo): Promise<RestrictedHitType[]> {
  if (walk.restricted.length > 0) noteRestrictedHit(context, info);
  const hits = await Promise.all(
    walk.restricted.map(async ({ agencyId, handling }) => {
      const agency = (await context.loaders.agency.byId.load(agencyId))!;
      return { agency, jurisdiction: agency.jurisdiction, handling };
    }),
  );
  return hits.sort((a, b) => a.agency.code.localeCompare(b.agency.code) || a.handling.localeCompare(b.handling));
}

@Resolver()
export class SupplyChainResolver {
  @Query(() => SupplyChainType, {
    description: 'Upstream from a seized item, or from every item of a seizure: the suppliers and movements its goods came through, back to the origins.',
  })
  async supplyChain(
    @Arg('itemId', () => ID, { nullable: true, description: 'Start from this item (give exactly one of itemId and seizureId).' }) itemId: string | null,
    @Arg('seizureId', () => ID, { nullable: true, description: 'Start from every item of this seizure.' }) seizureId: string | null,
    @Arg('maxDepth', () => Int, { nullable: true, defaultValue: 10, description: 'How many steps upstream, 1 to 20 (more counts as 20).' }) maxDepth: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SupplyChainType> {
    if ((itemId === null || itemId === undefined) === (seizureId === null || seizureId === undefined)) {
      throw invalidArgument('give exactly one of itemId and seizureId', itemId ? 'seizureId' : 'itemId');
    }
    const depth = depthLimit(maxDepth ?? 10);
    const caller = requireBusinessReader(await context.tx.caller());
    const start = { itemId: itemId ? idOfType(itemId, 'Item') : null, seizureId: seizureId ? idOfType(seizureId, 'Seizure') : null };
    if (!start.itemId && !start.seizureId) return { nodes: [], edges: [], origins: [], restricted: [], truncated: false };

    const walk = await new SupplyChainService(await context.tx.manager(), caller).upstream(start, depth);
    const [nodes, edges, origins] = await Promise.all([
      loadNodes(walk, context),
      loadEdges(walk, context),
      context.loaders.supplier.byId.loadMany(walk.origins),
    ]);
    return { nodes, edges, origins: origins.filter(isLoaded).sort(byName), restricted: await loadRestricted(walk, context, info), truncated: walk.truncated };
  }

  @Query(() => SupplierReachType, {
    description: 'Downstream from a supplier: the suppliers its goods reached, and every readable seizure, in every country, they ended up in.',
  })
  async supplierReach(
    @Arg('supplierId', () => ID, { description: 'The supplier to start from.' }) supplierId: string,
    @Arg('maxDepth', () => Int, { nullable: true, defaultValue: 10, description: 'How many steps downstream, 1 to 20 (more counts as 20).' }) maxDepth: number | null,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<SupplierReachType> {
    const depth = depthLimit(maxDepth ?? 10);
    const caller = requireBusinessReader(await context.tx.caller());
    const start = idOfType(supplierId, 'Supplier');
    if (!start) return { suppliers: [], seizures: [], jurisdictions: [], restricted: [], truncated: false };

    const walk = await new SupplyChainService(await context.tx.manager(), caller).downstream(start, depth);
    const [suppliers, loaded] = await Promise.all([loadNodes(walk, context), context.loaders.seizure.byId.loadMany(walk.seizures)]);
    const seizures = loaded.filter(isLoaded).sort((a: SeizureEntity, b: SeizureEntity) => a.seizedAt.getTime() - b.seizedAt.getTime() || a.id.localeCompare(b.id));
    const jurisdictions = [...new Set(seizures.map((s) => s.jurisdiction))].sort();
    return { suppliers, seizures, jurisdictions, restricted: await loadRestricted(walk, context, info), truncated: walk.truncated };
  }
}
