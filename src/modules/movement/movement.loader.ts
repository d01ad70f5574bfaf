import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import { groupBy, inKeyOrder } from '../../shared/loader-results';
import type { ItemEntity } from '../item/item.entity';
import type { MovementEntity } from './movement.entity';
import { MovementService, type Direction, type SupplierMovementsPage } from './movement.service';

export interface MovementLoaders {
  /** A readable movement by database id, or null. */
  byId: DataLoader<string, MovementEntity | null>;
  /** The readable items a movement carried. */
  itemsOf: DataLoader<string, ItemEntity[]>;
  /** The readable movements that carried an item, oldest first. */
  custodyOf: DataLoader<string, MovementEntity[]>;
  /** The rows of a page of a supplier's movements (see rowsToFetch), in travel order; one loader per page shape. */
  pageOfSupplier(direction: Direction, page: SupplierMovementsPage): DataLoader<string, MovementEntity[]>;
  countOfSupplier(direction: Direction): DataLoader<string, number>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createMovementLoaders(tx: RequestTransaction): MovementLoaders {
  const service = async () => new MovementService(await tx.manager(), await tx.caller());
  const memo = new Map<string, DataLoader<string, any>>();
  const memoised = <V>(key: string, make: () => DataLoader<string, V>): DataLoader<string, V> => {
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key)!;
  };
  return {
    byId: new DataLoader(async (ids) => inKeyOrder(ids, await (await service()).byIds(ids), (m) => m.id)),
    itemsOf: new DataLoader(async (movementIds) =>
      groupBy(movementIds, (await (await service()).itemsCarried(movementIds)).map((r) => [r.movementId, r.item] as [string, ItemEntity])),
    ),
    custodyOf: new DataLoader(async (itemIds) =>
      groupBy(itemIds, (await (await service()).carrying(itemIds)).map((r) => [r.itemId, r.movement] as [string, MovementEntity])),
    ),
    pageOfSupplier: (direction, page) =>
      memoised(`page:${direction}:${JSON.stringify(page)}`, () =>
        new DataLoader<string, MovementEntity[]>(async (supplierIds) => {
          const rows = await (await service()).pagesOfSuppliers(supplierIds, direction, page);
          return groupBy(supplierIds, rows.map((r) => [r.supplierId, r.movement] as const));
        }),
      ),
    countOfSupplier: (direction) =>
      memoised(`count:${direction}`, () =>
        new DataLoader<string, number>(async (supplierIds) => {
          const counts = await (await service()).countsOfSuppliers(supplierIds, direction);
          return supplierIds.map((id) => counts.get(id) ?? 0);
        }),
      ),
  };
}
