import { toGlobalId } from '../../graphql/relay/global-id';
import type { HandlingCode } from '../../shared/handling';
import type { MovementEntity } from '../movement/movement.entity';
import type { SeizureEntity } from '../seizure/seizure.entity';
import type { SupplierEntity } from '../supplier/supplier.entity';
import type { WalkHit } from '../supply-chain/walk-answer';

/** A supplier (role and country as recorded) or a seizure (its reference, the country it was seized in). */
export interface ExportNode {
  /** The record's global id, as the API names it. */
  id: string;
  kind: 'supplier' | 'seizure';
  name: string;
  role: string | null;
  country: string | null;
  /** Steps from where the walk started (a seizure the walk starts from: 0). */
  depth: number;
  /** When a seizure's goods were seized. */
  occurredAt: Date | null;
}

/** A movement of goods from one supplier to another, or a seizure of goods a supplier held (`seized`, holder → seizure). */
export interface ExportEdge {
  id: string;
  source: string;
  target: string;
  kind: 'movement' | 'seized';
  occurredAt: Date | null;
  mode: string | null;
  documentRef: string | null;
  depth: number;
}

/** Who holds a step the caller may not read: the agency's code and the handling (hit/no-hit). */
export interface ExportHit {
  agency: string;
  handling: HandlingCode;
}

/** What an export holds: only what the caller may read, and the restricted hits in its place. */
export interface ExportGraph {
  nodes: ExportNode[];
  edges: ExportEdge[];
  restricted: ExportHit[];
  truncated: boolean;
}

/** What a walk gave, for drawing: its suppliers, the seizures at its end, the movements between them and those that carried seized goods. */
export interface GraphParts {
  suppliers: Array<{ supplier: SupplierEntity; depth: number }>;
  /** depth null: one more than the supplier it was seized from. */
  seizures: Array<{ seizure: SeizureEntity; depth: number | null }>;
  /** depth null: that of the supplier it went to. */
  movements: Array<{ movement: MovementEntity; depth: number | null }>;
  /** Movements that carried goods later seized in one of the seizures. */
  carriers: Array<{ movement: MovementEntity; seizureId: string }>;
  restricted: WalkHit[];
  truncated: boolean;
}

/** The supplier a supplier id stands for, if the caller may read it (a merged supplier stands for its survivor). */
export type SurvivorsOf = (supplierIds: string[]) => Promise<Array<string | null>>;

/**
 * The graph of a walk's parts. A movement is drawn between the suppliers its ends stand for when
 * both are in the graph, and left out otherwise (so no edge touches a step the caller may not
 * read); a seizure is drawn from the supplier that last held the carried goods (the movement's
 * receiver, else its sender) when that supplier is in the graph.
 */
export async function exportGraph(parts: GraphParts, survivorsOf: SurvivorsOf): Promise<ExportGraph> {
  const supplierIds = new Map(parts.suppliers.map(({ supplier }) => [supplier.id, toGlobalId('Supplier', supplier.id)]));
  const supplierDepths = new Map(parts.suppliers.map(({ supplier, depth }) => [supplierIds.get(supplier.id)!, depth]));
  const ends = [...new Set([...parts.movements, ...parts.carriers].flatMap(({ movement }) => [movement.fromSupplierId, movement.toSupplierId]).filter((id): id is string => !!id))];
  const resolved = await survivorsOf(ends);
  const survivors = new Map(ends.map((id, i) => [id, resolved[i]]));
  const nodeOf = (supplierId: string | null) => {
    const survivor = supplierId ? survivors.get(supplierId) : null;
    return survivor ? supplierIds.get(survivor) ?? null : null;
  };

  const edges: ExportEdge[] = [];
  for (const { movement, depth } of parts.movements) {
    const [source, target] = [nodeOf(movement.fromSupplierId), nodeOf(movement.toSupplierId)];
    if (!source || !target) continue;
    edges.push({
      id: toGlobalId('Movement', movement.id), source, target, kind: 'movement',
      occurredAt: movement.occurredAt, mode: movement.mode, documentRef: movement.documentRef, depth: depth ?? supplierDepths.get(target)!,
    });
  }
  // Each seizure from each supplier that held goods seized in it, once.
  const holders = new Map<string, Set<string>>(parts.seizures.map(({ seizure }) => [seizure.id, new Set()]));
  for (const { movement, seizureId } of parts.carriers) {
    const holder = nodeOf(movement.toSupplierId) ?? nodeOf(movement.fromSupplierId);
    if (holder) holders.get(seizureId)?.add(holder);
  }
  const seizures = parts.seizures.map(({ seizure, depth }): ExportNode => {
    const held = [...holders.get(seizure.id)!].map((holder) => supplierDepths.get(holder)!);
    return {
      id: toGlobalId('Seizure', seizure.id), kind: 'seizure', name: seizure.reference, role: null, country: seizure.jurisdiction, occurredAt: seizure.seizedAt,
      depth: depth ?? 1 + (held.length > 0 ? Math.min(...held) : 0),
    };
  });
  for (const [i, { seizure }] of parts.seizures.entries()) {
    for (const holder of holders.get(seizure.id)!) {
      edges.push({
        id: `${holder}.${seizures[i].id}`, source: holder, target: seizures[i].id, kind: 'seized',
        occurredAt: seizure.seizedAt, mode: null, documentRef: null, depth: seizures[i].depth,
      });
    }
  }
  const nodes: ExportNode[] = [
    ...parts.suppliers.map(({ supplier, depth }): ExportNode => ({
      id: supplierIds.get(supplier.id)!, kind: 'supplier', name: supplier.name, role: supplier.role, country: supplier.country, depth, occurredAt: null,
    })),
    ...seizures,
  ];
  return {
    nodes, edges, truncated: parts.truncated,
    restricted: parts.restricted.map((hit) => ({ agency: hit.agency.code, handling: hit.handling })),
  };
}
