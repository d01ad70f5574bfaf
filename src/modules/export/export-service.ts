import { requireBusinessReader } from '../../auth/access';
import type { RequestContext } from '../../graphql/context';
import { isLoaded } from '../../shared/loader-results';
import { SupplyChainService } from '../supply-chain/supply-chain.service';
import { walkRecordsOf } from '../supply-chain/walk-records';
import { exportGraph, type ExportGraph } from './export-graph';

/** Where an export starts, as database ids (null: an id that names no such record: an empty export). */
export type ExportStart =
  | { walk: 'supply-chain'; itemId?: string | null; seizureId?: string | null }
  | { walk: 'reach'; supplierId: string | null };

/**
 * The graph of a supply chain (upstream from a seizure or an item) or of a supplier's reach
 * (downstream), walked as supplyChain and supplierReach walk, in the request's transaction and
 * with its loaders: nothing the caller may not read, and the restricted hits in its place.
 */
export async function exportedGraph(context: RequestContext, start: ExportStart, maxDepth: number | null): Promise<ExportGraph> {
  const caller = requireBusinessReader(await context.tx.caller());
  const walks = new SupplyChainService(await context.tx.manager(), caller);
  const records = walkRecordsOf(context);
  const survivorsOf = async (ids: string[]) => (await context.loaders.supplier.byId.loadMany(ids)).map((s) => (isLoaded(s) ? s.id : null));

  if (start.walk === 'supply-chain') {
    const answer = await walks.supplyChain(start, maxDepth, records);
    // The seizure the walk starts from (an item's own), when the caller may read it; the movements at depth 1 carried its goods.
    const item = start.itemId ? await context.loaders.item.byId.load(start.itemId) : null;
    const seizureId = start.seizureId ?? item?.seizureId ?? null;
    const seizure = seizureId ? await context.loaders.seizure.byId.load(seizureId) : null;
    return exportGraph({
      suppliers: answer.nodes,
      seizures: seizure ? [{ seizure, depth: 0 }] : [],
      movements: answer.edges,
      carriers: seizure ? answer.edges.filter((edge) => edge.depth === 1).map(({ movement }) => ({ movement, seizureId: seizure.id })) : [],
      restricted: answer.restricted, truncated: answer.truncated,
    }, survivorsOf);
  }

  const answer = await walks.supplierReach(start.supplierId, maxDepth, records);
  const origin = start.supplierId ? await context.loaders.supplier.byId.load(start.supplierId) : null;
  const suppliers = [...(origin ? [{ supplier: origin, depth: 0 }] : []), ...answer.suppliers];
  const steps = origin ? await walks.reachSteps(suppliers.map(({ supplier }) => supplier.id), answer.seizures.map((s) => s.id)) : { steps: [], carriers: [] };
  return exportGraph({
    suppliers,
    seizures: answer.seizures.map((seizure) => ({ seizure, depth: null })),
    movements: steps.steps.map((movement) => ({ movement, depth: null })),
    carriers: steps.carriers,
    restricted: answer.restricted, truncated: answer.truncated,
  }, survivorsOf);
}
