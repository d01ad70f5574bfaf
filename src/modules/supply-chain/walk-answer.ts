import type { HandlingCode } from '../../shared/handling';
import { isLoaded } from '../../shared/loader-results';
import type { AgencyEntity } from '../agency/agency.entity';
import type { MovementEntity } from '../movement/movement.entity';
import type { SeizureEntity } from '../seizure/seizure.entity';
import type { SupplierEntity } from '../supplier/supplier.entity';
import type { WalkResult } from './walk-result';

/**
 * The request's loaders, for what a walk's answer shares with the rest of the answer: the
 * records the walk read itself are handed to them (nested fields of a supplier or movement,
 * another part of the query, find them there), the seizures it names are loaded through them
 * (readable by the caller, in the order asked; an unreadable or missing one as an Error or null).
 */
export interface WalkRecords {
  /** Suppliers by their own id (a node's supplier is a survivor: the supplier its id stands for is itself). */
  knownSuppliers(suppliers: SupplierEntity[]): void;
  knownMovements(movements: MovementEntity[]): void;
  knownAgencies(agencies: AgencyEntity[]): void;
  seizures(ids: string[]): Promise<Array<SeizureEntity | Error | null>>;
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

/** Suppliers by depth, then name (also a money trail's parties). */
export function nodesOf(walk: Pick<WalkResult, 'nodes'>, records: Pick<WalkRecords, 'knownSuppliers'>): WalkNode[] {
  records.knownSuppliers(walk.nodes.map((node) => node.supplier));
  return [...walk.nodes].sort((a, b) => a.depth - b.depth || byName(a.supplier, b.supplier));
}

/** Movements by depth, then time (unknown times last). */
function edgesOf(walk: WalkResult, records: WalkRecords): WalkEdge[] {
  records.knownMovements(walk.edges.map((edge) => edge.movement));
  return [...walk.edges].sort((a, b) => a.depth - b.depth || timeOf(a.movement) - timeOf(b.movement) || a.movement.id.localeCompare(b.movement.id));
}

/** Origins (nodes' suppliers) by name. */
function originsOf(walk: WalkResult): SupplierEntity[] {
  const suppliers = new Map(walk.nodes.map((node) => [node.supplier.id, node.supplier]));
  return walk.origins.flatMap((id) => suppliers.get(id) ?? []).sort(byName);
}

/** Hit/no-hit: the owners of hidden steps, by agency code then handling (also a money trail's). */
export function hitsOf(walk: Pick<WalkResult, 'restricted'>, records: Pick<WalkRecords, 'knownAgencies'>): WalkHit[] {
  records.knownAgencies(walk.restricted.map((hit) => hit.agency));
  return walk.restricted
    .map(({ agency, handling }) => ({ agency, jurisdiction: agency.jurisdiction, handling }))
    .sort((a, b) => a.agency.code.localeCompare(b.agency.code) || a.handling.localeCompare(b.handling));
}

export function supplyChainAnswer(walk: WalkResult, records: WalkRecords): SupplyChainAnswer {
  return { nodes: nodesOf(walk, records), edges: edgesOf(walk, records), origins: originsOf(walk), restricted: hitsOf(walk, records), truncated: walk.truncated };
}

/** Seizures by time seized; the jurisdictions they happened in, sorted. */
export async function supplierReachAnswer(walk: WalkResult, records: WalkRecords): Promise<SupplierReachAnswer> {
  const suppliers = nodesOf(walk, records);
  const restricted = hitsOf(walk, records);
  const loaded = await records.seizures(walk.seizures);
  const seizures = loaded.filter(isLoaded).sort((a, b) => a.seizedAt.getTime() - b.seizedAt.getTime() || a.id.localeCompare(b.id));
  const jurisdictions = [...new Set(seizures.map((s) => s.jurisdiction))].sort();
  return { suppliers, seizures, jurisdictions, restricted, truncated: walk.truncated };
}
