import { itemLookupSql } from './item-lookup';
import { nestedReadSql } from './nested-read';
import { seizureLookupSql } from './seizure-lookup';
import { seizureRecordSql } from './seizure-record';
import type { SqlWork } from './sql-session';
import { supplierRecordSql } from './supplier-record';
import { supplyChainSql } from './supply-chain';

/** The plain-`pg` SQL work of each scenario, by the name a Scenario gives as its `baseline`. */
export const BASELINES: Record<string, SqlWork> = {
  'nested-read': nestedReadSql,
  'supply-chain': supplyChainSql,
  'seizure-record': seizureRecordSql,
  'item-lookup': itemLookupSql,
  'seizure-lookup': seizureLookupSql,
  'supplier-record': supplierRecordSql,
};
