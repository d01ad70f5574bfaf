import type { DataSource } from 'typeorm';
import { jsonRows } from '../../db/json-rows';
import type { HandlingCode } from '../../shared/handling';
import { AgencyEntity } from '../agency/agency.entity';
import { MovementEntity } from '../movement/movement.entity';
import { SupplierEntity } from '../supplier/supplier.entity';
import type { WalkRow } from './walk-query';

/** What a walk found: the suppliers, movements and agencies it read with their rows, the rest as database ids. */
export interface WalkResult {
  nodes: Array<{ supplier: SupplierEntity; depth: number }>;
  edges: Array<{ movement: MovementEntity; depth: number }>;
  /** Ids of nodes' suppliers. */
  origins: string[];
  seizures: string[];
  /** Hidden steps: the owning agency and handling of each, once per pair. */
  restricted: Array<{ agency: AgencyEntity; handling: HandlingCode }>;
  truncated: boolean;
}

/** The walk's rows as its result, the records they carry read into entities. */
export function walkResult(rows: WalkRow[], dataSource: DataSource): WalkResult {
  const read = { supplier: jsonRows(dataSource, SupplierEntity), movement: jsonRows(dataSource, MovementEntity), agency: jsonRows(dataSource, AgencyEntity) };
  const result: WalkResult = { nodes: [], edges: [], origins: [], seizures: [], restricted: [], truncated: false };
  for (const row of rows) {
    if (row.kind === 'node') result.nodes.push({ supplier: read.supplier.readColumns(row.record!), depth: row.depth! });
    else if (row.kind === 'edge') result.edges.push({ movement: read.movement.readColumns(row.record!), depth: row.depth! });
    else if (row.kind === 'origin') result.origins.push(row.id!);
    else if (row.kind === 'seizure') result.seizures.push(row.id!);
    else if (row.kind === 'restricted') result.restricted.push({ agency: read.agency.readColumns(row.record!), handling: row.handling as HandlingCode });
    else if (row.kind === 'truncated') result.truncated = true;
  }
  return result;
}
