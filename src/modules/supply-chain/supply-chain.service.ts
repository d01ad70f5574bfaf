import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import type { HandlingCode } from '../../shared/handling';
import { invalidArgument } from '../../shared/refusal';
import {
  NOTHING_DOWNSTREAM, NOTHING_UPSTREAM, supplierReachAnswer, supplyChainAnswer,
  type SupplierReachAnswer, type SupplyChainAnswer, type WalkRecords,
} from './walk-answer';
import { walkDepth } from './walk-depth';
import { WalkQuery, type WalkRow } from './walk-query';

/** Walks end: at most this many suppliers, as the public contract promises. */
export const MAX_SUPPLIERS = 5000;

const upstream = new WalkQuery('upstream.sql');
const downstream = new WalkQuery('downstream.sql');

/** What a walk found, as database ids; the answer loads the records through the request's loaders. */
export interface WalkResult {
  nodes: Array<{ supplierId: string; depth: number }>;
  edges: Array<{ movementId: string; depth: number }>;
  origins: string[];
  seizures: string[];
  /** Hidden steps: the owning agency and handling of each, once per pair. */
  restricted: Array<{ agencyId: string; handling: HandlingCode }>;
  truncated: boolean;
}

function collect(rows: WalkRow[]): WalkResult {
  const result: WalkResult = { nodes: [], edges: [], origins: [], seizures: [], restricted: [], truncated: false };
  for (const row of rows) {
    if (row.kind === 'node') result.nodes.push({ supplierId: row.id!, depth: row.depth! });
    else if (row.kind === 'edge') result.edges.push({ movementId: row.id!, depth: row.depth! });
    else if (row.kind === 'origin') result.origins.push(row.id!);
    else if (row.kind === 'seizure') result.seizures.push(row.id!);
    else if (row.kind === 'restricted') result.restricted.push({ agencyId: row.id!, handling: row.handling as HandlingCode });
    else if (row.kind === 'truncated') result.truncated = true;
  }
  return result;
}

/** Supply-chain walks, each one recursive query inside PostgreSQL under the caller's visibility. */
export class SupplyChainService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  /**
   * Upstream from an item, or from every item of a seizure: exactly one given (undefined: not
   * given; null: an id that names no such record, which gives an empty answer, as an unreadable
   * one does).
   */
  async supplyChain(
    start: { itemId?: string | null; seizureId?: string | null },
    maxDepth: number | null | undefined,
    records: WalkRecords,
  ): Promise<SupplyChainAnswer> {
    if ((start.itemId === undefined) === (start.seizureId === undefined)) {
      throw invalidArgument('give exactly one of itemId and seizureId', start.itemId !== undefined ? 'seizureId' : 'itemId');
    }
    const depth = walkDepth(maxDepth);
    const itemId = start.itemId ?? null;
    const seizureId = start.seizureId ?? null;
    if (!itemId && !seizureId) return NOTHING_UPSTREAM;
    const rows = await upstream.run(this.manager, this.caller, { itemId, seizureId, maxDepth: depth, cap: MAX_SUPPLIERS });
    return supplyChainAnswer(collect(rows), records);
  }

  /** Downstream from a supplier (null: an id that names none): the suppliers its goods reached and the seizures they ended up in. */
  async supplierReach(supplierId: string | null, maxDepth: number | null | undefined, records: WalkRecords): Promise<SupplierReachAnswer> {
    const depth = walkDepth(maxDepth);
    if (!supplierId) return NOTHING_DOWNSTREAM;
    const rows = await downstream.run(this.manager, this.caller, { supplierId, maxDepth: depth, cap: MAX_SUPPLIERS });
    return supplierReachAnswer(collect(rows), records);
  }
}
