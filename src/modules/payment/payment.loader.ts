import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import { groupBy, inKeyOrder } from '../../shared/loader-results';
import type { SupplierEntity } from '../supplier/supplier.entity';
import type { PaymentEntity } from './payment.entity';
import { PaymentService, type PartySide, type SupplierPaymentsPage } from './payment.service';

export interface PaymentLoaders {
  /** A readable payment by database id, or null. */
  byId: DataLoader<string, PaymentEntity | null>;
  /** The readable brokers of a payment, in order. */
  brokersOf: DataLoader<string, SupplierEntity[]>;
  /** The ids of what a payment paid for (readable or not: loaded through their own loaders). */
  paidForOf: DataLoader<string, { seizureIds: string[]; movementIds: string[] }>;
  /** The rows of a page of a supplier's payments (see rowsToFetch), in travel order; one loader per page shape. */
  pageOfSupplier(side: PartySide, page: SupplierPaymentsPage): DataLoader<string, PaymentEntity[]>;
  countOfSupplier(side: PartySide): DataLoader<string, number>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createPaymentLoaders(tx: RequestTransaction): PaymentLoaders {
  const service = async () => new PaymentService(await tx.manager(), await tx.caller());
  const memo = new Map<string, DataLoader<string, any>>();
  const memoised = <V>(key: string, make: () => DataLoader<string, V>): DataLoader<string, V> => {
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key)!;
  };
  return {
    byId: new DataLoader(async (ids) => inKeyOrder(ids, await (await service()).byIds(ids), (p) => p.id)),
    brokersOf: new DataLoader(async (ids) =>
      groupBy(ids, (await (await service()).brokersOf(ids)).map((r) => [r.paymentId, r.broker] as const)),
    ),
    paidForOf: new DataLoader(async (ids) => {
      const rows = await (await service()).paidFor(ids);
      return ids.map((id) => ({
        seizureIds: rows.filter((r) => r.payment_id === id && r.kind === 'seizure').map((r) => r.id),
        movementIds: rows.filter((r) => r.payment_id === id && r.kind === 'movement').map((r) => r.id),
      }));
    }),
    pageOfSupplier: (side, page) =>
      memoised(`page:${side}:${JSON.stringify(page)}`, () =>
        new DataLoader<string, PaymentEntity[]>(async (supplierIds) => {
          const rows = await (await service()).pagesOfSuppliers(supplierIds, side, page);
          return groupBy(supplierIds, rows.map((r) => [r.supplierId, r.payment] as const));
        }),
      ),
    countOfSupplier: (side) =>
      memoised(`count:${side}`, () =>
        new DataLoader<string, number>(async (supplierIds) => {
          const counts = await (await service()).countsOfSuppliers(supplierIds, side);
          return supplierIds.map((id) => counts.get(id) ?? 0);
        }),
      ),
  };
}
