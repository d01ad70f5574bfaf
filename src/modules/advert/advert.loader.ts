import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import { groupBy, inKeyOrder } from '../../shared/loader-results';
import type { AdvertIdentifierEntity, AdvertOfferEntity } from './advert-parts.entity';
import type { AdvertEntity } from './advert.entity';
import { AdvertService, type SupplierAdvertsPage } from './advert.service';

export interface AdvertLoaders {
  /** A readable advert by database id, or null. */
  byId: DataLoader<string, AdvertEntity | null>;
  /** The account (first, when there is one) and contacts of a readable advert. */
  identifiersOf: DataLoader<string, AdvertIdentifierEntity[]>;
  offersOf: DataLoader<string, AdvertOfferEntity[]>;
  /** The ids of the seizures an advert is evidence for (readable or not: loaded through their own loader). */
  seizureIdsOf: DataLoader<string, string[]>;
  /** The rows of a page of a supplier's adverts (see rowsToFetch), in travel order; one loader per page shape. */
  pageOfSupplier(page: SupplierAdvertsPage): DataLoader<string, AdvertEntity[]>;
  countOfSupplier: DataLoader<string, number>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createAdvertLoaders(tx: RequestTransaction): AdvertLoaders {
  const service = async () => new AdvertService(await tx.manager(), await tx.caller());
  const pages = new Map<string, DataLoader<string, AdvertEntity[]>>();
  return {
    byId: new DataLoader(async (ids) => inKeyOrder(ids, await (await service()).byIds(ids), (a) => a.id)),
    identifiersOf: new DataLoader(async (ids) => groupBy(ids, (await (await service()).identifiersOf(ids)).map((row) => [row.advertId, row] as const))),
    offersOf: new DataLoader(async (ids) => groupBy(ids, (await (await service()).offersOf(ids)).map((row) => [row.advertId, row] as const))),
    seizureIdsOf: new DataLoader(async (ids) => groupBy(ids, (await (await service()).seizureIdsOf(ids)).map((row) => [row.advert_id, row.seizure_id] as const))),
    pageOfSupplier: (page) => {
      const key = JSON.stringify(page);
      if (!pages.has(key)) {
        pages.set(key, new DataLoader<string, AdvertEntity[]>(async (supplierIds) => {
          const rows = await (await service()).pagesOfSuppliers(supplierIds, page);
          return groupBy(supplierIds, rows.map((r) => [r.supplierId, r.advert] as const));
        }));
      }
      return pages.get(key)!;
    },
    countOfSupplier: new DataLoader(async (supplierIds) => {
      const counts = await (await service()).countsOfSuppliers(supplierIds);
      return supplierIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
