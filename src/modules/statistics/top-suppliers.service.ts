import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { jsonRows } from '../../db/json-rows';
import type { SeizureFilter } from '../seizure/seizure.inputs';
import { SupplierEntity } from '../supplier/supplier.entity';
import { MAX_WALK_DEPTH } from '../supply-chain/walk-depth';
import { WalkQuery } from '../supply-chain/walk-query';
import { rankedFirst } from './ranked-first';
import { selectedItemsConditions } from './stats-query';

const topSuppliersSql = new WalkQuery(join(__dirname, 'top-suppliers.sql'));

export interface SupplierReachSummary {
  supplier: SupplierEntity;
  seizures: number;
  items: number;
  jurisdictions: string[];
}

/** Suppliers ranked by the readable seizures downstream of them, walked in PostgreSQL (top-suppliers.sql). */
export class TopSuppliersService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  async topSuppliers(filter: SeizureFilter | null | undefined, first: number): Promise<SupplierReachSummary[]> {
    const rows = await topSuppliersSql.run<Omit<SupplierReachSummary, 'supplier'> & { record: Record<string, unknown> }>(
      this.manager, this.caller, { maxDepth: MAX_WALK_DEPTH, first: rankedFirst(first) }, { selected: selectedItemsConditions(filter ?? {}) },
    );
    const suppliers = jsonRows(this.manager.connection, SupplierEntity);
    return rows.map(({ record, ...counts }) => ({ supplier: suppliers.readColumns(record), ...counts }));
  }
}
