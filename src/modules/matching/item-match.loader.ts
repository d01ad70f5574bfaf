import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import { groupBy } from '../../shared/loader-results';
import { ItemMatchService, type MatchFromItem, type RestrictedMatch } from './item-match.service';

export interface MatchingLoaders {
  /** The matches of a readable item that the caller can see, best first. */
  ofItem: DataLoader<string, MatchFromItem[]>;
  /** The matches of a readable item to items the caller may not read, as hits. */
  hitsOf: DataLoader<string, RestrictedMatch[]>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createMatchingLoaders(tx: RequestTransaction): MatchingLoaders {
  return {
    ofItem: new DataLoader(async (itemIds) => {
      const matches = await new ItemMatchService(await tx.manager(), await tx.caller()).ofItems(itemIds);
      return groupBy(itemIds, matches.map((m) => [m.itemId, m] as const));
    }),
    hitsOf: new DataLoader(async (itemIds) => {
      const hits = await new ItemMatchService(await tx.manager(), await tx.caller()).hitsOf(itemIds);
      return groupBy(itemIds, hits.map((h) => [h.itemId, h] as const));
    }),
  };
}
