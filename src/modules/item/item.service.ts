import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy } from '../../auth/visibility';
import { keysetConditions, namedParameters, travelOrder, travelOrderSql, type KeysetOrder } from '../../db/keyset';
import type { JsonRows } from '../../db/json-rows';
import { newestFirst, newestFirstCursor, newestFirstPage } from '../../db/newest-first-page';
import { invalidArgument } from '../../shared/refusal';
import { cursorCodec } from '../../shared/paging/cursor';
import { decodePage, pageFromFetched, rowsToFetch, type KeysetPage } from '../../shared/paging/keyset-page';
import type { Page, PageRequest } from '../../shared/paging/page';
import { normaliseIdentifier } from './identifier';
import { ItemEntity } from './item.entity';
import type { ItemFilter } from './item.inputs';

const ITEMS_NEWEST_FIRST = newestFirst<ItemEntity>({
  kind: 'item',
  alias: 'i',
  timeColumn: 'recorded_at',
  keyOf: (item) => ({ time: item.recordedAt, id: item.id }),
});

const SEIZURE_ITEM_PARTS = { position: 'position' } as const;
/** A seizure's items in the order recorded: by position, unique within the seizure. */
const SEIZURE_ITEMS_IN_ORDER: KeysetOrder<typeof SEIZURE_ITEM_PARTS, ItemEntity> = {
  codec: cursorCodec('seizure-item', SEIZURE_ITEM_PARTS),
  columns: (alias) => [{ part: 'position', sql: `${alias}.position`, descending: false }],
  keyOf: (item) => ({ position: item.position }),
};
/** A decoded page of a seizure's items. */
export type SeizureItemsPage = KeysetPage<{ readonly position: number }>;

/** Reading items: an item is readable exactly when its seizure is. */
export class ItemService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  async byIds(ids: readonly string[]): Promise<ItemEntity[]> {
    return this.readable().andWhere('i.id = ANY(:ids)', { ids }).getMany();
  }

  /** A page of readable items matching the filter, most recently recorded first (`fetch`: how its query is run, e.g. planned). */
  async list(filter: ItemFilter | null | undefined, page: PageRequest, fetch?: (query: SelectQueryBuilder<ItemEntity>) => Promise<ItemEntity[]>): Promise<Page<ItemEntity>> {
    return newestFirstPage(this.filtered(filter ?? {}), ITEMS_NEWEST_FIRST, page, fetch);
  }

  /**
   * The rows of one page of each of several seizures' items (see rowsToFetch), in travel
   * order, in one statement (a window per seizure), for the nested `Seizure.items` connection.
   */
  async pagesOfSeizures(seizureIds: readonly string[], page: SeizureItemsPage): Promise<ItemEntity[]> {
    const { bind, params } = namedParameters('position');
    const inner = SEIZURE_ITEMS_IN_ORDER.columns('x');
    const bounds = keysetConditions(inner, SEIZURE_ITEMS_IN_ORDER.codec, page, bind).map((c) => ` AND ${c}`).join('');
    const query = this.readable().andWhere(
      `i.id IN (SELECT ranked.id FROM (
         SELECT x.id, row_number() OVER (PARTITION BY x.seizure_id ORDER BY ${travelOrderSql(inner, page)}) AS rank
           FROM item x WHERE x.seizure_id = ANY(:seizureIds)${bounds}) ranked
         WHERE ranked.rank <= :perSeizure)`,
      { ...params, seizureIds, perSeizure: rowsToFetch(page) },
    );
    query.orderBy('i.seizure_id');
    for (const { sql, direction } of travelOrder(SEIZURE_ITEMS_IN_ORDER.columns('i'), page)) query.addOrderBy(sql, direction);
    return query.getMany();
  }

  /**
   * One page of the items of the seizure under `seizureAlias`, for a planned read: a subquery
   * answering the rows (see rowsToFetch) as a JSON array in travel order, with the columns of
   * `properties` only (`rows` reads them back). The seizure is readable, so its items are.
   */
  static plannedPageSql(seizureAlias: string, page: SeizureItemsPage, rows: JsonRows<ItemEntity>, properties?: ReadonlySet<string>): {
    sql: string;
    params: Record<string, unknown>;
  } {
    const { bind, params } = namedParameters('planned_item_');
    const inner = SEIZURE_ITEMS_IN_ORDER.columns('y');
    const bounds = keysetConditions(inner, SEIZURE_ITEMS_IN_ORDER.codec, page, bind).map((c) => ` AND ${c}`).join('');
    const limit = bind(rowsToFetch(page));
    const sql = `(SELECT coalesce(json_agg(x ORDER BY ${travelOrderSql(SEIZURE_ITEMS_IN_ORDER.columns('x'), page)}), '[]'::json)
        FROM (SELECT ${rows.columns('y', properties)} FROM item y
               WHERE y.seizure_id = ${seizureAlias}.id${bounds}
               ORDER BY ${travelOrderSql(inner, page)} LIMIT CAST(${limit} AS int)) x)`;
    return { sql, params };
  }

  /**
   * How many items the seizure under `seizureAlias` holds, in a planned read: the count the
   * seizure keeps (item_count, kept by a trigger on item inserts), since its items are readable
   * exactly when it is.
   */
  static plannedCountSql(seizureAlias: string): string {
    return `${seizureAlias}.item_count`;
  }

  /** How many items each seizure holds. */
  async countsOfSeizures(seizureIds: readonly string[]): Promise<Map<string, number>> {
    const rows: Array<{ seizure_id: string; count: string }> = await this.readable()
      .select('i.seizure_id', 'seizure_id')
      .addSelect('count(*)', 'count')
      .andWhere('i.seizure_id = ANY(:seizureIds)', { seizureIds })
      .groupBy('i.seizure_id')
      .getRawMany();
    return new Map(rows.map((r) => [r.seizure_id, Number(r.count)]));
  }

  static cursorOf(item: ItemEntity): string {
    return newestFirstCursor(ITEMS_NEWEST_FIRST, item);
  }

  static seizureCursorOf(item: ItemEntity): string {
    return SEIZURE_ITEMS_IN_ORDER.codec.encode(SEIZURE_ITEMS_IN_ORDER.keyOf(item));
  }

  /** The paging arguments of `Seizure.items` with their cursors decoded (a bad one refused before anything is loaded). */
  static seizureItemsPage(request: PageRequest): SeizureItemsPage {
    return decodePage(request, SEIZURE_ITEMS_IN_ORDER.codec);
  }

  /** One seizure's page from the rows `pagesOfSeizures` fetched for it. */
  static seizureItemsPageFrom(fetched: ItemEntity[], page: SeizureItemsPage, totalCount: () => Promise<number>): Page<ItemEntity> {
    return pageFromFetched(fetched, page, SEIZURE_ITEMS_IN_ORDER, totalCount);
  }

  /** Items the caller may read (their seizure is readable), as a query to narrow further. */
  readable(): SelectQueryBuilder<ItemEntity> {
    const visible = readableBy('s', this.caller);
    return this.manager
      .getRepository(ItemEntity)
      .createQueryBuilder('i')
      .innerJoin('i.seizure', 's')
      .where(visible.clause, visible.params);
  }

  private filtered(filter: ItemFilter): SelectQueryBuilder<ItemEntity> {
    const query = this.readable();
    if (filter.identifier !== null && filter.identifier !== undefined) {
      const key = normaliseIdentifier(filter.identifier);
      if (key === '') throw invalidArgument('identifier has no letters or digits to look up', 'filter.identifier');
      query.andWhere('(i.hin_key = :key OR i.serial_key = :key OR i.batch_key = :key)', { key });
    }
    if (filter.kind?.length) query.andWhere('i.kind = ANY(:kinds)', { kinds: filter.kind });
    if (filter.make !== null && filter.make !== undefined) {
      query.andWhere('lower(i.make) = lower(:make)', { make: filter.make.trim() });
    }
    if (filter.jurisdiction?.length) query.andWhere('s.jurisdiction = ANY(:jurisdictions)', { jurisdictions: filter.jurisdiction });
    return query;
  }
}
