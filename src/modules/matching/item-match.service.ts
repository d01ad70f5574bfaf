import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy } from '../../auth/visibility';
import { ItemMatchEntity } from './item-match.entity';

/** A match as seen from one of its items. */
export type MatchFromItem = ItemMatchEntity & { itemId: string; otherItemId: string };

export function seenFrom(match: ItemMatchEntity, itemId: string): MatchFromItem {
  return { ...match, itemId, otherItemId: match.itemA === itemId ? match.itemB : match.itemA };
}

/** Reading matches: a match shows only where the caller can read both items. */
export class ItemMatchService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  /** The matches of each item, best first. */
  async ofItems(itemIds: readonly string[]): Promise<MatchFromItem[]> {
    const first = readableBy('sa', this.caller);
    const second = readableBy('sb', this.caller);
    const matches = await this.manager
      .getRepository(ItemMatchEntity)
      .createQueryBuilder('m')
      .innerJoin('item', 'ia', 'ia.id = m.item_a')
      .innerJoin('seizure', 'sa', 'sa.id = ia.seizure_id')
      .innerJoin('item', 'ib', 'ib.id = m.item_b')
      .innerJoin('seizure', 'sb', 'sb.id = ib.seizure_id')
      .where('(m.item_a = ANY(:itemIds) OR m.item_b = ANY(:itemIds))', { itemIds })
      .andWhere(first.clause, first.params)
      .andWhere(second.clause, second.params)
      .orderBy('m.score', 'DESC')
      .addOrderBy('m.created_at', 'ASC')
      .getMany();
    const wanted = new Set(itemIds);
    return matches.flatMap((match) => [match.itemA, match.itemB].filter((id) => wanted.has(id)).map((id) => seenFrom(match, id)));
  }
}
