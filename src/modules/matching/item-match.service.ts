import type { EntityManager } from 'typeorm';
import type { JsonRows } from '../../db/json-rows';
import type { Caller } from '../../auth/caller';
import { readableBy } from '../../auth/visibility';
import type { HandlingCode } from '../../shared/handling';
import { ItemMatchEntity } from './item-match.entity';
import type { MatchBasis, MatchStatus } from './matching.enums';

/** A match as seen from one of its items. */
export type MatchFromItem = ItemMatchEntity & { itemId: string; otherItemId: string };

export function seenFrom(match: ItemMatchEntity, itemId: string): MatchFromItem {
  return { ...match, itemId, otherItemId: match.itemA === itemId ? match.itemB : match.itemA };
}

/** A match to an item the caller may not read: only who owns that item, and its handling. */
export interface RestrictedMatch {
  itemId: string;
  basis: MatchBasis;
  score: number;
  status: MatchStatus;
  restrictedHit: { agencyId: string; handling: HandlingCode };
}

/** A match as the caller sees it: the other item, or a restricted hit in its place. */
export type MatchView = MatchFromItem | (RestrictedMatch & Pick<MatchFromItem, 'reasons' | 'note' | 'decidedBy' | 'decidedByAgencyId' | 'decidedAt'>);

/**
 * An item's matches as the caller sees them, best first: those to readable items whole, and
 * the hits with no more than that a record exists, whose it is, and how sure the match is.
 */
export function matchesAsSeen(readable: MatchFromItem[], hits: RestrictedMatch[]): MatchView[] {
  const restricted = hits.map((hit) => ({ ...hit, reasons: [], note: null, decidedBy: null, decidedByAgencyId: null, decidedAt: null }));
  return [...readable, ...restricted].sort((a, b) => b.score - a.score);
}

/** Reading matches: a match shows only where the caller can read both items; otherwise, for AMBER records, as a hit. */
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
      // Matches made together (one recording) tie on both: the pair decides, as in plannedMatchesSql.
      .addOrderBy('m.item_a', 'ASC')
      .addOrderBy('m.item_b', 'ASC')
      .getMany();
    const wanted = new Set(itemIds);
    return matches.flatMap((match) => [match.itemA, match.itemB].filter((id) => wanted.has(id)).map((id) => seenFrom(match, id)));
  }

  /** Matches of these (readable) items to items the caller may not read, as hits (TLP_RED gives none). */
  async hitsOf(itemIds: readonly string[]): Promise<RestrictedMatch[]> {
    const rows: Array<{ item_id: string; basis: MatchBasis; score: string; status: MatchStatus; agency_id: string; handling: HandlingCode }> =
      await this.manager.query('SELECT * FROM item_match_hits(CAST($1 AS uuid[]))', [itemIds]);
    return rows.map((row) => ({
      itemId: row.item_id,
      basis: row.basis,
      score: Number(row.score),
      status: row.status,
      restrictedHit: { agencyId: row.agency_id, handling: row.handling },
    }));
  }

  /**
   * For a planned read: the matches of the item under `itemAlias` (one the caller reads) to
   * items the caller may read too, as ofItems reads them, as a subquery answering a JSON array of
   * the match rows (`matchRows` builds and reads them), best first. Each side of the pair is
   * looked up by its own index, so the lookup starts from the item whatever the statistics say.
   */
  plannedMatchesSql(itemAlias: string, matchRows: JsonRows<ItemMatchEntity>): { sql: string; params: Record<string, unknown> } {
    const other = readableBy('so', this.caller);
    const sql = `(SELECT coalesce(json_agg(${matchRows.json('m')} ORDER BY m.score DESC, m.created_at ASC, m.item_a ASC, m.item_b ASC), '[]'::json)
        FROM (SELECT pair.*, pair.item_b AS other_id FROM item_match pair WHERE pair.item_a = ${itemAlias}.id
              UNION ALL
              SELECT pair.*, pair.item_a FROM item_match pair WHERE pair.item_b = ${itemAlias}.id) m
        JOIN item io ON io.id = m.other_id JOIN seizure so ON so.id = io.seizure_id
       WHERE ${other.clause})`;
    return { sql, params: other.params };
  }
}
