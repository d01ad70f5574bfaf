import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { readableBy } from '../../auth/visibility';
import { cursorCodec } from '../../shared/paging/cursor';
import { decodePage, pageFromFetched, rowsToFetch } from '../../shared/paging/keyset-page';
import type { Page, PageRequest } from '../../shared/paging/page';
import { ChangeKind } from './change-feed.enums';

/** What a change is about, from the caller's side: the seizure, or the caller's agency's side of a match or sighting. */
export interface ChangedRecord {
  type: 'Seizure' | 'Item' | 'Supplier' | 'Payment' | 'Advert';
  id: string;
}

/** A place in the feed: a change's transaction and id (the feed's order). */
export interface FeedPosition {
  txid: string;
  id: string;
}

export interface Change extends FeedPosition {
  kind: ChangeKind;
  at: Date;
  record: ChangedRecord | null;
  /** For a match or sighting, the other side and the agency owning it (never shown as such: the caller reads it under its own rights, or as a hit). */
  other: (ChangedRecord & { agencyId: string | null }) | null;
}

interface ChangeRow {
  txid: string;
  id: string;
  kind: ChangeKind;
  at: Date;
  seizure_id: string | null;
  item_a: string | null;
  agency_a: string | null;
  item_b: string | null;
  agency_b: string | null;
  sighted_a: string | null;
  record_a: string | null;
  sighted_b: string | null;
  record_b: string | null;
}

/** The feed's order: transaction, then id (see the ChangeFeed migration). */
const CHANGES = cursorCodec('change', { txid: 'decimal', id: 'decimal' });

const SIGHTED_TYPE: Record<string, ChangedRecord['type']> = { SUPPLIER: 'Supplier', PAYMENT: 'Payment', ADVERT: 'Advert' };

/**
 * The durable change feed, oldest first, as the caller may read it: the changes to the seizures
 * it may read, and the matches and sightings involving a record of its agency. Only changes of
 * transactions older than every one still running are listed, so a cursor once handed out is
 * never overtaken by a change committed later.
 */
export class ChangeFeedService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  static cursorOf(position: FeedPosition): string {
    return CHANGES.encode({ txid: position.txid, id: position.id });
  }

  /** Whether `change` comes after `position` in the feed (every change comes after null, the feed's start). */
  static isAfter(change: FeedPosition, position: FeedPosition | null): boolean {
    if (!position) return true;
    const [tx, at] = [BigInt(change.txid), BigInt(position.txid)];
    return tx > at || (tx === at && BigInt(change.id) > BigInt(position.id));
  }

  /** The last change listed now (null for an empty feed): a subscription's events start after it. */
  async end(): Promise<FeedPosition | null> {
    const [last]: FeedPosition[] = await this.manager.query(
      `SELECT txid::text AS txid, id::text AS id FROM change_event
        WHERE txid < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY txid DESC, id DESC LIMIT 1`,
    );
    return last ?? null;
  }

  async list(kinds: readonly ChangeKind[] | null | undefined, request: PageRequest): Promise<Page<Change>> {
    const page = decodePage(request, CHANGES);
    const visible = readableBy('s', this.caller);
    const conditions = [
      `((c.seizure_id IS NOT NULL AND EXISTS (SELECT 1 FROM seizure s WHERE s.id = c.seizure_id AND ${visible.clause}))
        OR (c.seizure_id IS NULL AND :visAgency IN (c.agency_a, c.agency_b)))`,
      'c.txid < pg_snapshot_xmin(pg_current_snapshot())',
    ];
    // From the cursor's own row, which tells whether rows lie before the page (pageFromFetched).
    if (page.after) conditions.push('(c.txid, c.id) >= (CAST(:afterTxid AS xid8), CAST(:afterId AS bigint))');
    if (kinds?.length) conditions.push('c.kind = ANY(CAST(:kinds AS change_kind[]))');
    const [query, values] = this.manager.connection.driver.escapeQueryWithParameters(
      `SELECT c.txid::text AS txid, c.id::text AS id, c.kind, c.at, c.seizure_id, c.item_a, c.agency_a, c.item_b, c.agency_b,
              c.sighted_a, c.record_a, c.sighted_b, c.record_b
         FROM change_event c
        WHERE ${conditions.join(' AND ')}
        ORDER BY c.txid, c.id
        LIMIT :fetch`,
      { ...visible.params, afterTxid: page.after?.txid, afterId: page.after?.id, kinds, fetch: rowsToFetch(page) },
    );
    const rows: ChangeRow[] = await this.manager.query(query, values);
    // The feed has no totalCount (ChangeConnection does not offer one): nothing is counted.
    return pageFromFetched(rows.map((row) => this.changeOf(row)), page, { codec: CHANGES, keyOf: (c) => ({ txid: c.txid, id: c.id }) }, async () => 0);
  }

  private changeOf(row: ChangeRow): Change {
    const mine = row.agency_a === this.caller.agency.id ? 'a' : 'b';
    const theirs = mine === 'a' ? 'b' : 'a';
    const other = row.seizure_id ? null : { ...recordOf(row, theirs)!, agencyId: row[`agency_${theirs}`] };
    return { txid: row.txid, id: row.id, kind: row.kind, at: row.at, record: recordOf(row, mine), other };
  }
}

/** The record of a change on one side (`a` or `b` of a pair; a seizure has one). */
function recordOf(row: ChangeRow, side: 'a' | 'b'): ChangedRecord | null {
  if (row.seizure_id) return { type: 'Seizure', id: row.seizure_id };
  const item = row[`item_${side}`];
  if (item) return { type: 'Item', id: item };
  const [kind, id] = [row[`sighted_${side}`], row[`record_${side}`]];
  return kind && id ? { type: SIGHTED_TYPE[kind], id } : null;
}
