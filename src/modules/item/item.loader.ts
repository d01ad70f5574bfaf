import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import { groupBy, inKeyOrder } from '../../shared/loader-results';
import type { ItemEntity } from './item.entity';
import { ItemService, type SeizureItemsPage } from './item.service';

export interface ItemLoaders {
  /** A readable item by database id, or null. */
  byId: DataLoader<string, ItemEntity | null>;
  /** The rows of a page of a seizure's items (see rowsToFetch), in travel order; one loader per page shape. */
  pageOfSeizure(page: SeizureItemsPage): DataLoader<string, ItemEntity[]>;
  /** How many items a seizure holds. */
  countOfSeizure: DataLoader<string, number>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createItemLoaders(tx: RequestTransaction): ItemLoaders {
  const service = async () => new ItemService(await tx.manager(), await tx.caller());
  const pages = new Map<string, DataLoader<string, ItemEntity[]>>();
  return {
    byId: new DataLoader(async (ids) => inKeyOrder(ids, await (await service()).byIds(ids), (i) => i.id)),
    pageOfSeizure(page) {
      const shape = JSON.stringify(page);
      let loader = pages.get(shape);
      if (!loader) {
        loader = new DataLoader(async (seizureIds) => {
          const items = await (await service()).pagesOfSeizures(seizureIds, page);
          return groupBy(seizureIds, items.map((item) => [item.seizureId, item] as const));
        });
        pages.set(shape, loader);
      }
      return loader;
    },
    countOfSeizure: new DataLoader(async (seizureIds) => {
      const counts = await (await service()).countsOfSeizures(seizureIds);
      return seizureIds.map((id) => counts.get(id) ?? 0);
    }),
  };
}
