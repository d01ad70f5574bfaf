import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import { groupBy, inKeyOrder } from '../../shared/loader-results';
import type { ItemEntity } from './item.entity';
import { ItemService } from './item.service';

export interface ItemLoaders {
  /** A readable item by database id, or null. */
  byId: DataLoader<string, ItemEntity | null>;
  /** The items of a seizure after a position, `first + 1` of them; one loader per page shape. */
  pageOfSeizure(first: number, afterPosition: number): DataLoader<string, ItemEntity[]>;
  /** How many items a seizure holds. */
  countOfSeizure: DataLoader<string, number>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createItemLoaders(tx: RequestTransaction): ItemLoaders {
  const service = async () => new ItemService(await tx.manager(), await tx.caller());
  const pages = new Map<string, DataLoader<string, ItemEntity[]>>();
  return {
    byId: new DataLoader(async (ids) => inKeyOrder(ids, await (await service()).byIds(ids), (i) => i.id)),
    pageOfSeizure(first, afterPosition) {
      const shape = `${first}:${afterPosition}`;
      let loader = pages.get(shape);
      if (!loader) {
        loader = new DataLoader(async (seizureIds) => {
          const items = await (await service()).pagesOfSeizures(seizureIds, first, afterPosition);
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
