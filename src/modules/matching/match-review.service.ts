import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { readableBy } from '../../auth/visibility';
import type { HandlingCode } from '../../shared/handling';
import { keysetConditions, travelOrderSql, type Bind, type KeysetOrder } from '../../db/keyset';
import { cursorCodec, type CursorKey } from '../../shared/paging/cursor';
import { decodePage, pageFromFetched, rowsToFetch } from '../../shared/paging/keyset-page';
import type { Page, PageRequest } from '../../shared/paging/page';
import type { ItemKind } from '../item/item.enums';
import type { MatchFromItem, RestrictedMatch } from './item-match.service';
import { MatchBasis, MatchStatus } from './matching.enums';
import type { MatchReviewFilter } from './match-review.type';

/** A match as ItemMatchResolver shows it: the other item, or a hit that shows no more than who to ask. */
export type ReviewedMatch = MatchFromItem | (RestrictedMatch & Pick<MatchFromItem, 'reasons' | 'note' | 'decidedBy' | 'decidedByAgencyId' | 'decidedAt'>);

export interface ReviewRow {
  itemId: string;
  match: ReviewedMatch;
  /** The sort key: score, time, the caller's item, and an id that tells entries of one item apart. */
  key: CursorKey<typeof REVIEW_PARTS>;
}

interface SqlRow {
  item_id: string;
  other_id: string | null;
  item_a: string | null;
  item_b: string | null;
  basis: MatchBasis;
  score: string;
  status: MatchStatus;
  reasons: string[] | null;
  note: string | null;
  decided_by: string | null;
  decided_by_agency_id: string | null;
  decided_at: Date | null;
  created_at: Date;
  at: Date;
  hit_agency_id: string | null;
  hit_handling: HandlingCode | null;
  tie: string;
}

const REVIEW_PARTS = { score: 'decimal', at: 'instant', item: 'uuid', tie: 'uuid' } as const;
const ORDER: KeysetOrder<typeof REVIEW_PARTS, ReviewRow> = {
  codec: cursorCodec('MatchReview', REVIEW_PARTS),
  columns: (alias) => [
    { part: 'score', sql: `${alias}.score`, descending: true },
    { part: 'at', sql: `${alias}.at`, descending: true },
    { part: 'item', sql: `${alias}.item_id`, descending: true },
    { part: 'tie', sql: `${alias}.tie`, descending: true },
  ],
  keyOf: (row) => row.key,
};

/**
 * The review queue: every match of the caller's agency's items, highest score first, then newest.
 * Readable matches come from item_match under row-level security (both items readable); matches
 * to records the caller may not read come from the `item_match_hits` definer function, which
 * shows only the owning agency and handling (TLP_RED gives none). A hit's time is its own item's
 * recording time: when the hidden record was recorded is itself not the caller's to see.
 */
export class MatchReviewService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  static cursorOf(row: ReviewRow): string {
    return ORDER.codec.encode(row.key);
  }

  /** One page, forwards or backwards; both cursors are decoded (a bad one refused) before any SQL is sent. */
  async page(filter: MatchReviewFilter | null, request: PageRequest): Promise<Page<ReviewRow>> {
    const page = decodePage(request, ORDER.codec);
    const params: unknown[] = [this.caller.agency.id, this.caller.subject];
    const bind: Bind = (value) => {
      params.push(value);
      return `$${params.length}`;
    };
    const entries = this.entriesSql(filter?.kind ?? null, bind);
    const where = this.conditions(filter, bind);
    const counting = { sql: `SELECT count(*)::int AS n FROM (${entries}) e WHERE ${where.join(' AND ')}`, params: [...params] };
    const columns = ORDER.columns('e');
    where.push(...keysetConditions(columns, ORDER.codec, page, bind));
    const rows: SqlRow[] = await this.manager.query(
      `SELECT * FROM (${entries}) e WHERE ${where.join(' AND ')} ORDER BY ${travelOrderSql(columns, page)} LIMIT ${bind(rowsToFetch(page))}`,
      params,
    );
    const totalCount = async () => (await this.manager.query(counting.sql, counting.params))[0].n as number;
    return pageFromFetched(rows.map((row) => this.toRow(row)), page, ORDER, totalCount);
  }

  private conditions(filter: MatchReviewFilter | null, bind: Bind): string[] {
    const statuses = filter?.status?.length ? filter.status : [MatchStatus.SUGGESTED];
    const where = [`e.status = ANY(${bind(statuses)}::match_status[])`];
    if (filter?.basis?.length) where.push(`e.basis = ANY(${bind(filter.basis)}::match_basis[])`);
    if (filter?.minScore !== null && filter?.minScore !== undefined) where.push(`e.score >= ${bind(filter.minScore)}`);
    if (filter?.maxScore !== null && filter?.maxScore !== undefined) where.push(`e.score <= ${bind(filter.maxScore)}`);
    return where;
  }

  /** Both kinds of entries, with one sort key. $1 is the caller's agency, $2 the caller (for TLP_RED). */
  private entriesSql(kinds: ItemKind[] | null, bind: Bind): string {
    // The one visibility rule (auth/visibility.ts), bound to this query's $1 (agency) and $2 (subject).
    const readable = (alias: string) => readableBy(alias, this.caller).clause.replace(/:visAgency\b/g, () => '$1').replace(/:visSubject\b/g, () => '$2');
    const kindCondition = kinds?.length ? `AND i.kind = ANY(${bind(kinds)}::item_kind[])` : '';
    const mine = `SELECT i.id, i.recorded_at FROM item i JOIN seizure s ON s.id = i.seizure_id
      WHERE i.agency_id = $1 AND s.agency_id = $1 AND ${readable('s')} ${kindCondition}`;
    return `
      WITH mine AS (${mine})
      SELECT mine.id AS item_id, m.other_id, m.item_a, m.item_b, m.basis, m.score, m.status, m.reasons, m.note,
             m.decided_by, m.decided_by_agency_id, m.decided_at, m.created_at, m.created_at AS at,
             NULL::uuid AS hit_agency_id, NULL::handling_code AS hit_handling, m.other_id AS tie
        FROM mine
        CROSS JOIN LATERAL (
          SELECT m.*, m.item_b AS other_id FROM item_match m WHERE m.item_a = mine.id
          UNION ALL
          SELECT m.*, m.item_a FROM item_match m WHERE m.item_b = mine.id
        ) AS m
        JOIN item other ON other.id = m.other_id
        JOIN seizure other_seizure ON other_seizure.id = other.seizure_id
       WHERE ${readable('other_seizure')}
      UNION ALL
      SELECT hit.item_id, NULL, NULL, NULL, hit.basis, hit.score, hit.status, NULL, NULL,
             NULL, NULL, NULL, mine.recorded_at, mine.recorded_at,
             hit.agency_id, hit.handling,
             -- A stable id for a hit (it has none it may show): identical hits (one item, owner, handling,
             -- basis and score) are told apart by their place.
             md5(concat_ws(':', hit.agency_id, hit.handling, hit.basis, hit.score, hit.status,
               row_number() OVER (PARTITION BY hit.item_id, hit.agency_id, hit.handling, hit.basis, hit.score, hit.status)))::uuid
        FROM item_match_hits(ARRAY(SELECT id FROM mine)) AS hit
        JOIN mine ON mine.id = hit.item_id`;
  }

  private toRow(row: SqlRow): ReviewRow {
    const score = Number(row.score);
    const key = { score: row.score, at: new Date(row.at).toISOString(), item: row.item_id, tie: row.tie };
    if (row.hit_agency_id) {
      return {
        itemId: row.item_id,
        key,
        match: {
          itemId: row.item_id, basis: row.basis, score, status: row.status,
          restrictedHit: { agencyId: row.hit_agency_id, handling: row.hit_handling! },
          reasons: [], note: null, decidedBy: null, decidedByAgencyId: null, decidedAt: null,
        },
      };
    }
    return {
      itemId: row.item_id,
      key,
      match: {
        itemA: row.item_a!, itemB: row.item_b!, basis: row.basis, score, status: row.status, reasons: row.reasons ?? [],
        note: row.note, decidedBy: row.decided_by, decidedByAgencyId: row.decided_by_agency_id, decidedAt: row.decided_at,
        createdAt: row.created_at, itemId: row.item_id, otherItemId: row.other_id!,
      },
    };
  }
}
