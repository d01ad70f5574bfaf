import { join } from 'node:path';
import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { jsonRows } from '../../db/json-rows';
import type { HandlingCode } from '../../shared/handling';
import { formatAmount, type Money } from '../../shared/money';
import { AgencyEntity } from '../agency/agency.entity';
import { PaymentEntity } from '../payment/payment.entity';
import { TrailDirection } from '../payment/payment.enums';
import { MAX_SUPPLIERS } from '../supply-chain/supply-chain.service';
import { hitsOf, nodesOf, type WalkHit, type WalkNode, type WalkRecords } from '../supply-chain/walk-answer';
import { walkDepth } from '../supply-chain/walk-depth';
import { WalkQuery } from '../supply-chain/walk-query';
import { SupplierEntity } from '../supplier/supplier.entity';

const trail = new WalkQuery(join(__dirname, 'money-trail.sql'));

/** The request's loaders the trail hands what it read to (see WalkRecords). */
export type TrailRecords = Pick<WalkRecords, 'knownSuppliers' | 'knownAgencies'> & { knownPayments(payments: PaymentEntity[]): void };

export interface TrailEdge { payment: PaymentEntity; depth: number }
export interface MoneyTrailAnswer { nodes: WalkNode[]; edges: TrailEdge[]; restricted: WalkHit[]; truncated: boolean; totals: Money[] }

const NOTHING: MoneyTrailAnswer = { nodes: [], edges: [], restricted: [], truncated: false, totals: [] };
const timeOf = (p: PaymentEntity) => p.paidAt?.getTime() ?? Number.MAX_SAFE_INTEGER;

/** Money trails: one recursive query inside PostgreSQL under the caller's visibility (money-trail.sql). */
export class MoneyTrailService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  /** From a party (null: an id that names none) along the payments, either way. */
  async moneyTrail(partyId: string | null, direction: TrailDirection, maxDepth: number | null | undefined, records: TrailRecords): Promise<MoneyTrailAnswer> {
    const depth = walkDepth(maxDepth);
    if (!partyId) return NOTHING;
    const step = direction === TrailDirection.FOLLOW_MONEY ? 1 : -1;
    const rows = await trail.run(this.manager, this.caller, { partyId, direction, step, maxDepth: depth, cap: MAX_SUPPLIERS });
    const dataSource = this.manager.connection;
    const read = { supplier: jsonRows(dataSource, SupplierEntity), payment: jsonRows(dataSource, PaymentEntity), agency: jsonRows(dataSource, AgencyEntity) };
    const nodes: Array<{ supplier: SupplierEntity; depth: number }> = [];
    const edges: TrailEdge[] = [];
    const restricted: Array<{ agency: AgencyEntity; handling: HandlingCode }> = [];
    const totals: Money[] = [];
    let truncated = false;
    for (const row of rows) {
      if (row.kind === 'node') nodes.push({ supplier: read.supplier.readColumns(row.record!), depth: row.depth! });
      else if (row.kind === 'edge') edges.push({ payment: read.payment.readColumns(row.record!), depth: row.depth! });
      else if (row.kind === 'total') totals.push(row.record as unknown as Money);
      else if (row.kind === 'restricted') restricted.push({ agency: read.agency.readColumns(row.record!), handling: row.handling as HandlingCode });
      else if (row.kind === 'truncated') truncated = true;
    }
    records.knownPayments(edges.map((edge) => edge.payment));
    return {
      nodes: nodesOf({ nodes }, records),
      edges: edges.sort((a, b) => a.depth - b.depth || timeOf(a.payment) - timeOf(b.payment) || a.payment.id.localeCompare(b.payment.id)),
      restricted: hitsOf({ restricted }, records),
      truncated,
      totals: totals
        .map((total) => ({ amount: formatAmount(total.amount, total.currency), currency: total.currency }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
    };
  }
}
