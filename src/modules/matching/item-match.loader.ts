import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import { groupBy } from '../../shared/group-by';
import { ItemMatchService, type MatchFromItem } from './item-match.service';

export interface MatchingLoaders {
  /** The matches of a readable item that the caller can see, best first. */
  ofItem: DataLoader<string, MatchFromItem[]>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createMatchingLoaders(tx: RequestTransaction): MatchingLoaders {
  return {
    ofItem: new DataLoader(async (itemIds) => {
      const matches = await new ItemMatchService(await tx.manager(), await tx.caller()).ofItems(itemIds);
      return groupBy(itemIds, matches.map((m) => [m.itemId, m] as const));
    }),
  };
}
