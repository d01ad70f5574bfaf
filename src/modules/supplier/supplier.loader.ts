import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import type { SupplierIdentifierEntity } from './supplier-identifier.entity';
import type { SupplierEntity } from './supplier.entity';
import { SupplierService } from './supplier.service';

export interface SupplierLoaders {
  /** A readable supplier by database id, or null. */
  byId: DataLoader<string, SupplierEntity | null>;
  /** The identifiers of a readable supplier. */
  identifiers: DataLoader<string, SupplierIdentifierEntity[]>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createSupplierLoaders(tx: RequestTransaction): SupplierLoaders {
  const service = async () => new SupplierService(await tx.manager(), await tx.caller());
  return {
    byId: new DataLoader(async (ids) => {
      const byId = new Map((await (await service()).byIds(ids)).map((s) => [s.id, s]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    identifiers: new DataLoader(async (supplierIds) => {
      const grouped = new Map<string, SupplierIdentifierEntity[]>(supplierIds.map((id) => [id, []]));
      for (const identifier of await (await service()).identifiersOf(supplierIds)) {
        grouped.get(identifier.supplierId)?.push(identifier);
      }
      return supplierIds.map((id) => grouped.get(id)!);
    }),
  };
}
