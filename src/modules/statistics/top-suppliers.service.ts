import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { jsonRows } from '../../db/json-rows';
import { PLANNED_FOR_ITS_VALUES } from '../../db/named-statements';
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
    const { sql, params } = topSuppliersSql.build(this.caller, { selected: selectedItemsConditions(filter ?? {}) });
    const [query, values] = this.manager.connection.driver.escapeQueryWithParameters(PLANNED_FOR_ITS_VALUES + sql, {
      ...params, maxDepth: MAX_WALK_DEPTH, first: rankedFirst(first),
    });
    const rows: Array<Omit<SupplierReachSummary, 'supplier'> & { record: Record<string, unknown> }> = await this.manager.query(query, values);
    const suppliers = jsonRows(this.manager.connection, SupplierEntity);
    return rows.map(({ record, ...counts }) => ({ supplier: suppliers.readColumns(record), ...counts }));
  }
}
