import type { HandlingCode } from '../../shared/handling';
import { isLoaded } from '../../shared/loader-results';
import type { AgencyEntity } from '../agency/agency.entity';
import type { MovementEntity } from '../movement/movement.entity';
import type { SeizureEntity } from '../seizure/seizure.entity';
import type { SupplierEntity } from '../supplier/supplier.entity';
import type { WalkResult } from './supply-chain.service';

/**
 * Loads the records a walk names, readable by the caller, in the order asked (an unreadable or
 * missing one as an Error or null): the request's loaders, so that records are batched and
 * shared with the rest of the answer.
 */
export interface WalkRecords {
  suppliers(ids: string[]): Promise<Array<SupplierEntity | Error | null>>;
  movements(ids: string[]): Promise<Array<MovementEntity | Error | null>>;
  seizures(ids: string[]): Promise<Array<SeizureEntity | Error | null>>;
  agency(id: string): Promise<AgencyEntity>;
}

export interface WalkNode { supplier: SupplierEntity; depth: number }
export interface WalkEdge { movement: MovementEntity; depth: number }
/** A hidden step: who owns it (an agency and its country are public) and its handling. */
export interface WalkHit { agency: AgencyEntity; jurisdiction: string; handling: HandlingCode }

export interface SupplyChainAnswer { nodes: WalkNode[]; edges: WalkEdge[]; origins: SupplierEntity[]; restricted: WalkHit[]; truncated: boolean }
export interface SupplierReachAnswer { suppliers: WalkNode[]; seizures: SeizureEntity[]; jurisdictions: string[]; restricted: WalkHit[]; truncated: boolean }

export const NOTHING_UPSTREAM: SupplyChainAnswer = { nodes: [], edges: [], origins: [], restricted: [], truncated: false };
export const NOTHING_DOWNSTREAM: SupplierReachAnswer = { suppliers: [], seizures: [], jurisdictions: [], restricted: [], truncated: false };

const byName = (a: SupplierEntity, b: SupplierEntity) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
const timeOf = (m: MovementEntity) => m.occurredAt?.getTime() ?? Number.MAX_SAFE_INTEGER;

/** Suppliers by depth, then name. */
async function nodesOf(walk: WalkResult, records: WalkRecords): Promise<WalkNode[]> {
  const suppliers = await records.suppliers(walk.nodes.map((n) => n.supplierId));
  return walk.nodes
    .map((node, i) => ({ supplier: suppliers[i], depth: node.depth }))
    .filter((node): node is WalkNode => isLoaded(node.supplier))
    .sort((a, b) => a.depth - b.depth || byName(a.supplier, b.supplier));
}

/** Movements by depth, then time (unknown times last). */
async function edgesOf(walk: WalkResult, records: WalkRecords): Promise<WalkEdge[]> {
  const movements = await records.movements(walk.edges.map((e) => e.movementId));
  return walk.edges
    .map((edge, i) => ({ movement: movements[i], depth: edge.depth }))
    .filter((edge): edge is WalkEdge => isLoaded(edge.movement))
    .sort((a, b) => a.depth - b.depth || timeOf(a.movement) - timeOf(b.movement) || a.movement.id.localeCompare(b.movement.id));
}

/** Hit/no-hit: the owners of hidden steps, by agency code then handling. */
async function hitsOf(walk: WalkResult, records: WalkRecords): Promise<WalkHit[]> {
  const hits = await Promise.all(walk.restricted.map(async ({ agencyId, handling }) => {
    const agency = await records.agency(agencyId);
    return { agency, jurisdiction: agency.jurisdiction, handling };
  }));
  return hits.sort((a, b) => a.agency.code.localeCompare(b.agency.code) || a.handling.localeCompare(b.handling));
}

export async function supplyChainAnswer(walk: WalkResult, records: WalkRecords): Promise<SupplyChainAnswer> {
  const [nodes, edges, origins, restricted] = await Promise.all([
    nodesOf(walk, records), edgesOf(walk, records), records.suppliers(walk.origins), hitsOf(walk, records),
  ]);
  return { nodes, edges, origins: origins.filter(isLoaded).sort(byName), restricted, truncated: walk.truncated };
}

/** Seizures by time seized; the jurisdictions they happened in, sorted. */
export async function supplierReachAnswer(walk: WalkResult, records: WalkRecords): Promise<SupplierReachAnswer> {
  const [suppliers, loaded, restricted] = await Promise.all([nodesOf(walk, records), records.seizures(walk.seizures), hitsOf(walk, records)]);
  const seizures = loaded.filter(isLoaded).sort((a, b) => a.seizedAt.getTime() - b.seizedAt.getTime() || a.id.localeCompare(b.id));
  const jurisdictions = [...new Set(seizures.map((s) => s.jurisdiction))].sort();
  return { suppliers, seizures, jurisdictions, restricted, truncated: walk.truncated };
}
