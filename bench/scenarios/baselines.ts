import { advertRecordSql } from './advert-record';
import { itemLookupSql } from './item-lookup';
import { moneyTrailFollowSql, moneyTrailPayersSql } from './money-trail';
import { nestedReadSql } from './nested-read';
import { paymentRecordSql } from './payment-record';
import { seizureLookupSql } from './seizure-lookup';
import { seizureRecordSql } from './seizure-record';
import { seizureStatsYearSql } from './seizure-stats';
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
  'money-trail-follow': moneyTrailFollowSql,
  'money-trail-payers': moneyTrailPayersSql,
  'payment-record': paymentRecordSql,
  'advert-record': advertRecordSql,
  'seizure-stats-year': seizureStatsYearSql,
};
