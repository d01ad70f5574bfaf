import { createHash } from 'node:crypto';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy } from '../../auth/visibility';
import { keysetConditions, namedParameters, travelOrder, travelOrderSql, type KeysetOrder } from '../../db/keyset';
import { newestFirst, newestFirstCursor, newestFirstPage, type NewestFirstParts } from '../../db/newest-first-page';
import { cursorCodec, type CursorKey } from '../../shared/paging/cursor';
import { decodePage, pageFromFetched, rowsToFetch, type KeysetPage } from '../../shared/paging/keyset-page';
import type { Page, PageRequest } from '../../shared/paging/page';
import { invalidArgument } from '../../shared/refusal';
import { survivorJoin, withMergedIds } from '../supplier/survivor-sql';
import { identifierLookups } from './advert-identifiers';
import { AdvertIdentifierEntity, AdvertOfferEntity } from './advert-parts.entity';
import { MAX_QUERY_WORDS, queryWords } from './advert-text';
import { AdvertEntity } from './advert.entity';
import type { AdvertFilter } from './advert.inputs';

const ADVERTS_NEWEST_FIRST = newestFirst<AdvertEntity>({
  kind: 'advert',
  alias: 'a',
  timeColumn: 'recorded_at',
  keyOf: (advert) => ({ time: advert.recordedAt, id: advert.id }),
});
/** A decoded page of a supplier's adverts. */
export type SupplierAdvertsPage = KeysetPage<CursorKey<NewestFirstParts>>;

/** An advert found by a text search, with its rank; the cursor of a ranked list is (score, id, which search). */
type Ranked = AdvertEntity & { searchScore?: string; searchKey?: string };
const SEARCH_PARTS = { score: 'decimal', id: 'uuid', search: 'token' } as const;
/** Best first: ts_rank_cd descending, then id ascending; `search` ties a cursor to the words it ranks. */
const RANKED_BEST_FIRST: KeysetOrder<typeof SEARCH_PARTS, Ranked> = {
  codec: cursorCodec('advert-search', SEARCH_PARTS),
  columns: () => [
    { part: 'score', sql: 'ranked.score', descending: true },
    { part: 'id', sql: 'a.id', descending: false },
  ],
  keyOf: (advert) => ({ score: advert.searchScore!, id: advert.id, search: advert.searchKey! }),
};

/** Reading adverts, always under the visibility rule. */
export class AdvertService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  async byIds(ids: readonly string[]): Promise<AdvertEntity[]> {
    return this.readable().andWhere('a.id = ANY(:ids)', { ids }).getMany();
  }

  /** A page of readable adverts: newest recorded first, or with `text` ranked best first (keyset-paged on rank and id). */
  async list(filter: AdvertFilter, page: PageRequest): Promise<Page<AdvertEntity>> {
    const query = this.filtered(filter);
    const words = filter.text === undefined || filter.text === null ? [] : queryWords(filter.text);
    if (words.length === 0) return newestFirstPage(query, ADVERTS_NEWEST_FIRST, page);
    if (words.length > MAX_QUERY_WORDS) throw invalidArgument(`text: at most ${MAX_QUERY_WORDS} words, got ${words.length}`, 'filter');
    return this.ranked(query, words, page);
  }

  /** The account and contacts of readable adverts, account first, in the order recorded. */
  async identifiersOf(advertIds: readonly string[]): Promise<AdvertIdentifierEntity[]> {
    return this.partsOf(AdvertIdentifierEntity, advertIds);
  }

  async offersOf(advertIds: readonly string[]): Promise<AdvertOfferEntity[]> {
    return this.partsOf(AdvertOfferEntity, advertIds);
  }

  /** The ids of the seizures each readable advert is evidence for (whether the caller may read those is the loaders' to judge). */
  async seizureIdsOf(advertIds: readonly string[]): Promise<Array<{ advert_id: string; seizure_id: string }>> {
    return this.manager.query('SELECT advert_id, seizure_id FROM advert_seizure WHERE advert_id = ANY($1) ORDER BY advert_id, seizure_id', [advertIds]);
  }

  /**
   * For each supplier, the rows of one page (see rowsToFetch) of the readable adverts it is
   * behind, newest first, in travel order, counting those of the suppliers merged into it: one
   * statement for a whole list of suppliers.
   */
  async pagesOfSuppliers(supplierIds: readonly string[], page: SupplierAdvertsPage): Promise<Array<{ supplierId: string; advert: AdvertEntity }>> {
    const visible = readableBy('x', this.caller);
    const inner = ADVERTS_NEWEST_FIRST.columns('x');
    const { bind, params } = namedParameters('advertKey');
    const bounds = keysetConditions(inner, ADVERTS_NEWEST_FIRST.codec, page, bind).map((c) => ` AND ${c}`).join('');
    const query = this.readable()
      .innerJoin(
        `(SELECT ranked.id, ranked.supplier_id FROM (
           SELECT x.id, x.supplier_id,
                  row_number() OVER (PARTITION BY x.supplier_id ORDER BY ${travelOrderSql(inner, page)}) AS rank
             FROM (${this.advertsOfParties(visible.clause)}) x
            WHERE true${bounds}
         ) ranked WHERE ranked.rank <= :perSupplier)`,
        'page',
        'page.id = a.id',
        { ...visible.params, ...params, supplierIds, perSupplier: rowsToFetch(page) },
      )
      .addSelect('page.supplier_id', 'page_supplier_id');
    travelOrder(ADVERTS_NEWEST_FIRST.columns('a'), page).forEach(({ sql, direction }, i) =>
      i === 0 ? query.orderBy(sql, direction) : query.addOrderBy(sql, direction),
    );
    const { entities, raw } = await query.getRawAndEntities<{ a_id: string; page_supplier_id: string }>();
    const byId = new Map(entities.map((advert) => [advert.id, advert]));
    return raw.map((row) => ({ supplierId: row.page_supplier_id, advert: byId.get(row.a_id)! }));
  }

  /** How many readable adverts each supplier is behind, with those of the suppliers merged into it. */
  async countsOfSuppliers(supplierIds: readonly string[]): Promise<Map<string, number>> {
    const visible = readableBy('x', this.caller);
    const rows: Array<{ supplier_id: string; count: number }> = await this.manager.query(
      ...this.manager.connection.driver.escapeQueryWithParameters(
        `SELECT x.supplier_id, count(*)::int AS count FROM (${this.advertsOfParties(visible.clause)}) x GROUP BY x.supplier_id`,
        { ...visible.params, supplierIds },
      ),
    );
    return new Map(rows.map((r) => [r.supplier_id, r.count]));
  }

  /** Each readable advert (id, recorded_at) of the advertisers :supplierIds, a merged supplier's counted as its survivor's (supplier_id). */
  private advertsOfParties(visible: string): string {
    return `SELECT x.id, x.recorded_at, party.id AS supplier_id
              FROM advert x ${survivorJoin('x.advertiser_id', 'party')}
             WHERE x.advertiser_id = ANY(${withMergedIds('CAST(:supplierIds AS uuid[])')}) AND ${visible}`;
  }

  /** The cursor of an advert in the list it was read from (ranked or newest first). */
  static cursorOf(advert: Ranked): string {
    if (advert.searchScore !== undefined) return RANKED_BEST_FIRST.codec.encode(RANKED_BEST_FIRST.keyOf(advert));
    return newestFirstCursor(ADVERTS_NEWEST_FIRST, advert);
  }

  /** The paging arguments of a supplier's adverts with their cursors decoded (a bad one refused before anything is loaded). */
  static suppliersPage(request: PageRequest): SupplierAdvertsPage {
    return decodePage(request, ADVERTS_NEWEST_FIRST.codec);
  }

  /** One supplier's page from the rows `pagesOfSuppliers` fetched for it. */
  static supplierPageFrom(fetched: AdvertEntity[], page: SupplierAdvertsPage, totalCount: () => Promise<number>): Page<AdvertEntity> {
    return pageFromFetched(fetched, page, ADVERTS_NEWEST_FIRST, totalCount);
  }

  /** Adverts the caller may read, as a query to narrow further. */
  readable(): SelectQueryBuilder<AdvertEntity> {
    const visible = readableBy('a', this.caller);
    return this.manager.getRepository(AdvertEntity).createQueryBuilder('a').where(visible.clause, visible.params);
  }

  private filtered(filter: AdvertFilter): SelectQueryBuilder<AdvertEntity> {
    const query = this.readable();
    if (filter.platform?.length) query.andWhere('a.platform = ANY(:platforms)', { platforms: filter.platform });
    if (filter.kind?.length) query.andWhere('a.kind = ANY(:kinds)', { kinds: filter.kind });
    if (filter.capturedFrom) query.andWhere('a.captured_at >= :capturedFrom', { capturedFrom: filter.capturedFrom });
    if (filter.capturedTo) query.andWhere('a.captured_at < :capturedTo', { capturedTo: filter.capturedTo });
    if (filter.identifier !== undefined && filter.identifier !== null) {
      const lookups = identifierLookups(filter.identifier, this.caller.agency?.jurisdiction ?? null);
      if (lookups.length === 0) {
        throw invalidArgument(`identifier '${filter.identifier.trim()}' is not a phone, handle, e-mail, URL or wallet written in a way that can be read`, 'filter');
      }
      query.andWhere(
        `(a.url_key = ANY(:urlKeys) OR a.id IN (
           SELECT ai.advert_id FROM advert_identifier ai
            WHERE (ai.scheme, ai.value_key) IN (SELECT * FROM unnest(CAST(:lookupSchemes AS text[]), CAST(:lookupKeys AS text[])))))`,
        {
          urlKeys: lookups.filter((l) => l.scheme === 'URL').map((l) => l.key),
          lookupSchemes: lookups.map((l) => l.scheme),
          lookupKeys: lookups.map((l) => l.key),
        },
      );
    }
    return query;
  }

  private async ranked(query: SelectQueryBuilder<AdvertEntity>, words: Array<{ word: string; fold: string }>, request: PageRequest): Promise<Page<AdvertEntity>> {
    const searchKey = createHash('sha256').update(JSON.stringify(words.map((w) => w.word.toLowerCase()))).digest('hex').slice(0, 16);
    const page = decodePage(request, RANKED_BEST_FIRST.codec);
    for (const [key, argument] of [[page.after, 'after'], [page.before, 'before']] as const) {
      if (key && key.search !== searchKey) throw invalidArgument(`\`${argument}\` is a cursor of another search`, argument);
    }
    const matched = query
      .innerJoin('(SELECT * FROM advert_text_search(CAST(:words AS text[]), CAST(:folds AS text[])))', 'ranked', 'ranked.advert_id = a.id', {
        words: words.map((w) => w.word),
        folds: words.map((w) => w.fold),
      })
      .addSelect('ranked.score', 'search_score');
    const counted = matched.clone();
    const columns = RANKED_BEST_FIRST.columns('a');
    const { bind, params } = namedParameters('rankKey');
    for (const condition of keysetConditions(columns, RANKED_BEST_FIRST.codec, page, bind)) matched.andWhere(condition, params);
    travelOrder(columns, page).forEach(({ sql, direction }, i) => (i === 0 ? matched.orderBy(sql, direction) : matched.addOrderBy(sql, direction)));
    const { entities, raw } = await matched.limit(rowsToFetch(page)).getRawAndEntities<{ a_id: string; search_score: string }>();
    const scores = new Map(raw.map((row) => [row.a_id, row.search_score]));
    const rows: Ranked[] = entities.map((advert) => Object.assign(advert, { searchScore: scores.get(advert.id), searchKey }));
    return pageFromFetched(rows, page, RANKED_BEST_FIRST, () => counted.getCount());
  }

  private partsOf<T extends AdvertIdentifierEntity | AdvertOfferEntity>(entity: new () => T, advertIds: readonly string[]): Promise<T[]> {
    return this.manager
      .getRepository(entity)
      .createQueryBuilder('part')
      .where('part.advert_id = ANY(:advertIds)', { advertIds })
      .orderBy('part.advert_id')
      .addOrderBy('part.position')
      .getMany();
  }
}
