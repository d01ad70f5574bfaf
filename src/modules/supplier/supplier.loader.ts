import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import { groupBy } from '../../shared/loader-results';
import type { SupplierIdentifierEntity } from './supplier-identifier.entity';
import type { SupplierEntity } from './supplier.entity';
import { SupplierService } from './supplier.service';

export interface SupplierLoaders {
  /** A readable supplier by database id (a merged one resolved to its survivor), or null. */
  byId: DataLoader<string, SupplierEntity | null>;
  /** The readable suppliers merged into a survivor. */
  membersOf: DataLoader<string, SupplierEntity[]>;
  /** The identifiers of a readable supplier. */
  identifiers: DataLoader<string, SupplierIdentifierEntity[]>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createSupplierLoaders(tx: RequestTransaction): SupplierLoaders {
  const service = async () => new SupplierService(await tx.manager(), await tx.caller());
  return {
    byId: new DataLoader(async (ids) => {
      const resolved = await (await service()).resolve(ids);
      return ids.map((id) => resolved.get(id) ?? null);
    }),
    membersOf: new DataLoader(async (survivorIds) => {
      const members = await (await service()).membersOf(survivorIds);
      return groupBy(survivorIds, members.map((m) => [m.survivorId, m.member] as const));
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
