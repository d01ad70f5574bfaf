import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy } from '../../auth/visibility';
import { keysetConditions, namedParameters, travelOrder, type KeysetOrder } from '../../db/keyset';
import { newestFirst, newestFirstCursor, newestFirstPage } from '../../db/newest-first-page';
import { invalidArgument } from '../../shared/refusal';
import { cursorCodec, type CursorKey } from '../../shared/paging/cursor';
import { decodePage, pageFromFetched, rowsToFetch } from '../../shared/paging/keyset-page';
import { emptyPage, type Page, type PageRequest } from '../../shared/paging/page';
import { normaliseCodes } from '../agency/agency-codes';
import { identifierArgument } from './party-identifiers';
import {
  candidateCondition,
  MIN_SCORE,
  scoreExpression,
  SEARCH_MAX_LENGTH,
  searchTerms,
  type SearchTerms,
} from './supplier-search';
import { SupplierIdentifierEntity } from './supplier-identifier.entity';
import { SupplierEntity } from './supplier.entity';
import type { SupplierFilter } from './supplier.inputs';
import { survivorJoin, survivorOf } from './survivor-sql';

const SUPPLIERS_NEWEST_FIRST = newestFirst<SupplierEntity>({
  kind: 'supplier',
  alias: 'sup',
  timeColumn: 'recorded_at',
  keyOf: (supplier) => ({ time: supplier.recordedAt, id: supplier.id }),
});

/** A supplier found by a search, with its score; the cursor of a ranked list is (score, id, which search). */
type Ranked = SupplierEntity & { searchScore?: string; searchKey?: string };

const SEARCH_PARTS = { score: 'decimal', id: 'uuid', search: 'token' } as const;
/** Candidates best first: score descending, then id ascending; `search` ties a cursor to the search it came from. */
const RANKED_BEST_FIRST: KeysetOrder<typeof SEARCH_PARTS, Ranked> = {
  codec: cursorCodec('supplier-search', SEARCH_PARTS),
  columns: () => [
    { part: 'score', sql: 'ranked.score', descending: true },
    { part: 'id', sql: 'sup.id', descending: false },
  ],
  keyOf: (supplier) => ({ score: supplier.searchScore!, id: supplier.id, search: supplier.searchKey! }),
};

/** Refuses a cursor of another search: its position means nothing in this ranking. */
function checkSameSearch(key: CursorKey<typeof SEARCH_PARTS> | null, terms: SearchTerms, argument: string): void {
  if (key && key.search !== terms.key) throw invalidArgument(`\`${argument}\` is a cursor of another search`, argument);
}

/** Reading suppliers, always under the visibility rule. */
export class SupplierService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  async byIds(ids: readonly string[]): Promise<SupplierEntity[]> {
    return this.readable().andWhere('sup.id = ANY(:ids)', { ids }).getMany();
  }

  /** Readable suppliers by id, a merged supplier resolved to its survivor: requested id to supplier. */
  async resolve(ids: readonly string[]): Promise<Map<string, SupplierEntity>> {
    const { entities, raw } = await this.readable()
      .innerJoin(
        `(SELECT x.id AS requested, survivor.id AS resolved FROM unnest(CAST(:ids AS uuid[])) AS x(id) ${survivorJoin('x.id', 'survivor')})`,
        'r',
        'r.resolved = sup.id',
        { ids },
      )
      .addSelect('r.requested', 'requested')
      .getRawAndEntities<{ requested: string; sup_id: string }>();
    const byId = new Map(entities.map((s) => [s.id, s]));
    return new Map(raw.map((row) => [row.requested, byId.get(row.sup_id)!]));
  }

  /** The readable suppliers merged into each of these survivors. */
  async membersOf(survivorIds: readonly string[]): Promise<Array<{ survivorId: string; member: SupplierEntity }>> {
    const { entities, raw } = await this.readable()
      .innerJoin('supplier_merge', 'sm', 'sm.merged_id = sup.id')
      .addSelect('sm.survivor_id', 'survivor_id')
      .andWhere('sm.survivor_id = ANY(:survivorIds)', { survivorIds })
      .orderBy('sm.merged_at')
      .getRawAndEntities<{ survivor_id: string; sup_id: string }>();
    const byId = new Map(entities.map((s) => [s.id, s]));
    return raw.map((row) => ({ survivorId: row.survivor_id, member: byId.get(row.sup_id)! }));
  }

  /** The identifiers of readable suppliers, in the order recorded. */
  async identifiersOf(supplierIds: readonly string[]): Promise<SupplierIdentifierEntity[]> {
    const visible = readableBy('sup', this.caller);
    return this.manager
      .getRepository(SupplierIdentifierEntity)
      .createQueryBuilder('ident')
      .innerJoin('ident.supplier', 'sup')
      .where(visible.clause, visible.params)
      .andWhere('ident.supplier_id = ANY(:supplierIds)', { supplierIds })
      .orderBy('ident.supplier_id')
      .addOrderBy('ident.position')
      .getMany();
  }

  /**
   * A page of readable suppliers: newest first, or, with a non-blank `search`, the candidates
   * ranked best first (supplier-search.ts), keyset-paged on (score, id), forwards or backwards.
   */
  async list(filter: SupplierFilter | null | undefined, page: PageRequest): Promise<Page<SupplierEntity>> {
    const given = filter ?? {};
    if ((given.search?.length ?? 0) > SEARCH_MAX_LENGTH) {
      throw invalidArgument(`\`search\` must be at most ${SEARCH_MAX_LENGTH} characters, got ${given.search!.length}`, 'filter');
    }
    const terms = searchTerms(given.search);
    if (!terms) return newestFirstPage(this.filtered(given), SUPPLIERS_NEWEST_FIRST, page);
    return this.search(terms, given, page);
  }

  /** The cursor of a supplier in the list it was read from (ranked or newest first). */
  static cursorOf(supplier: Ranked): string {
    if (supplier.searchScore !== undefined) return RANKED_BEST_FIRST.codec.encode(RANKED_BEST_FIRST.keyOf(supplier));
    return newestFirstCursor(SUPPLIERS_NEWEST_FIRST, supplier);
  }

  /** Suppliers the caller may read, as a query to narrow further. */
  readable(): SelectQueryBuilder<SupplierEntity> {
    const visible = readableBy('sup', this.caller);
    return this.manager.getRepository(SupplierEntity).createQueryBuilder('sup').where(visible.clause, visible.params);
  }

  private async search(terms: SearchTerms, filter: SupplierFilter, request: PageRequest): Promise<Page<SupplierEntity>> {
    const page = decodePage(request, RANKED_BEST_FIRST.codec);
    checkSameSearch(page.after, terms, 'after');
    checkSameSearch(page.before, terms, 'before');
    if (terms.fingerprints.length === 0) return emptyPage();
    const scored = this.scoredCandidates(terms, filter);

    const ranked = this.readable()
      .innerJoin(`(${scored.getQuery()})`, 'ranked', 'ranked.id = sup.id')
      .setParameters({ ...scored.getParameters(), ...readableBy('sup', this.caller).params })
      .addSelect('ranked.score', 'search_score')
      .andWhere('ranked.score >= :minScore', { minScore: MIN_SCORE });
    const columns = RANKED_BEST_FIRST.columns('sup');
    const { bind, params } = namedParameters('rankKey');
    for (const condition of keysetConditions(columns, RANKED_BEST_FIRST.codec, page, bind)) ranked.andWhere(condition, params);
    travelOrder(columns, page).forEach(({ sql, direction }, i) => (i === 0 ? ranked.orderBy(sql, direction) : ranked.addOrderBy(sql, direction)));
    const { entities, raw } = await ranked.limit(rowsToFetch(page)).getRawAndEntities<{ sup_id: string; search_score: string }>();
    const scores = new Map(raw.map((row) => [row.sup_id, row.search_score]));
    const rows: Ranked[] = entities.map((supplier) => Object.assign(supplier, { searchScore: scores.get(supplier.id), searchKey: terms.key }));
    return pageFromFetched(rows, page, RANKED_BEST_FIRST, () => this.countCandidates(scored));
  }

  /**
   * The candidates of a search with their scores (`id`, `score`), before the minimum score
   * and paging.
   */
  scoredCandidates(terms: SearchTerms, filter: SupplierFilter = {}): SelectQueryBuilder<SupplierEntity> {
    const candidates = candidateCondition(terms, 'sup');
    // A merged supplier's names find its survivor, at the best score of any of its records.
    const canonical = survivorOf('sup.id', 'merge');
    return this.filtered(filter, { includeMerged: true })
      .leftJoin('supplier_merge', 'merge', 'merge.merged_id = sup.id')
      .select(canonical, 'id')
      .addSelect(`max(${scoreExpression('sup')})`, 'score')
      .andWhere(candidates.clause, candidates.params)
      .groupBy(canonical);
  }

  /** How many candidates a search has in all (for `totalCount`; counted only when asked). */
  private async countCandidates(scored: SelectQueryBuilder<SupplierEntity>): Promise<number> {
    const [{ count }] = await this.manager
      .createQueryBuilder()
      .select('count(*)::int', 'count')
      .from(`(${scored.getQuery()})`, 'ranked')
      .where('ranked.score >= :minScore', { minScore: MIN_SCORE })
      .setParameters(scored.getParameters())
      .getRawMany<{ count: number }>();
    return count;
  }

  private filtered(filter: SupplierFilter, options: { includeMerged?: boolean } = {}): SelectQueryBuilder<SupplierEntity> {
    const query = this.readable();
    // A merged supplier is listed as its survivor.
    if (!options.includeMerged) query.andWhere('NOT EXISTS (SELECT 1 FROM supplier_merge sm WHERE sm.merged_id = sup.id)');
    if (filter.country) query.andWhere('sup.country = :country', { country: filter.country });
    if (filter.role) query.andWhere('sup.role = :role', { role: filter.role });
    if (filter.agency?.length) {
      query.andWhere('sup.agency_id IN (SELECT a.id FROM agency a WHERE a.code = ANY(:agencyCodes))', {
        agencyCodes: normaliseCodes(filter.agency),
      });
    }
    if (filter.identifier) {
      // A national phone number is read in the caller's agency's jurisdiction.
      const { scheme, key } = identifierArgument(filter.identifier, this.caller.agency?.jurisdiction ?? null, 'filter');
      query.andWhere(
        'EXISTS (SELECT 1 FROM supplier_identifier si WHERE si.supplier_id = sup.id AND si.scheme = :idScheme AND si.value_key = :idKey)',
        { idScheme: scheme, idKey: key },
      );
    }
    return query;
  }
}
