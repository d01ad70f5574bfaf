import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import type { HandlingCode } from '../../shared/handling';
import { WalkQuery, type WalkRow } from './walk-query';

/** Walks end: at most this many suppliers, and at most this depth, as the public contract promises. */
export const MAX_SUPPLIERS = 5000;
export const MAX_DEPTH = 20;

const upstream = new WalkQuery('upstream.sql');
const downstream = new WalkQuery('downstream.sql');

/** What a walk found, as database ids; the GraphQL layer loads the records through loaders. */
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

  /** Upstream from an item, or from every item of a seizure. */
  async upstream(start: { itemId: string | null; seizureId: string | null }, maxDepth: number): Promise<WalkResult> {
    const rows = await upstream.run(this.manager, this.caller, { ...start, maxDepth, cap: MAX_SUPPLIERS });
    return collect(rows);
  }

  /** Downstream from a supplier: the suppliers its goods reached and the seizures they ended up in. */
  async downstream(supplierId: string, maxDepth: number): Promise<WalkResult> {
    const rows = await downstream.run(this.manager, this.caller, { supplierId, maxDepth, cap: MAX_SUPPLIERS });
    return collect(rows);
  }
}
