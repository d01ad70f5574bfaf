import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy } from '../../auth/visibility';
import { keysetConditions, namedParameters, travelOrder, travelOrderSql } from '../../db/keyset';
import { newestFirst, newestFirstCursor, type NewestFirstParts } from '../../db/newest-first-page';
import type { CursorKey } from '../../shared/paging/cursor';
import { decodePage, pageFromFetched, rowsToFetch, type KeysetPage } from '../../shared/paging/keyset-page';
import type { Page, PageRequest } from '../../shared/paging/page';
import type { ItemEntity } from '../item/item.entity';
import { ItemService } from '../item/item.service';
import { survivorJoin, survivorOf, withMergedIds } from '../supplier/survivor-sql';
import { MovementEntity } from './movement.entity';

/** Received by the supplier (`in`) or sent by it (`out`). */
export type Direction = 'in' | 'out';
const PARTY_COLUMN: Record<Direction, string> = { in: 'to_supplier_id', out: 'from_supplier_id' };

const MOVEMENTS_NEWEST_FIRST = newestFirst<MovementEntity>({
  kind: 'movement',
  alias: 'm',
  timeColumn: 'recorded_at',
  keyOf: (movement) => ({ time: movement.recordedAt, id: movement.id }),
});
/** A decoded page of a supplier's movements. */
export type SupplierMovementsPage = KeysetPage<CursorKey<NewestFirstParts>>;

/** Reading movements, always under the visibility rule. */
export class MovementService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  async byIds(ids: readonly string[]): Promise<MovementEntity[]> {
    return this.readable().andWhere('m.id = ANY(:ids)', { ids }).getMany();
  }

  /** Readable movements that carried each of these items, oldest first (custody order). */
  async carrying(itemIds: readonly string[]): Promise<Array<{ itemId: string; movement: MovementEntity }>> {
    const { entities, raw } = await this.readable()
      .innerJoin('movement_item', 'mi', 'mi.movement_id = m.id')
      .addSelect('mi.item_id', 'carried_item_id')
      .andWhere('mi.item_id = ANY(:itemIds)', { itemIds })
      .orderBy('m.occurred_at', 'ASC', 'NULLS LAST')
      .addOrderBy('m.recorded_at', 'ASC')
      .addOrderBy('m.id', 'ASC')
      .getRawAndEntities();
    // One raw row per (movement, item); entities are one per movement.
    const byId = new Map(entities.map((movement) => [movement.id, movement]));
    return raw.map((row) => ({ itemId: row.carried_item_id as string, movement: byId.get(row.m_id as string)! }));
  }

  /** The readable items each of these movements carried, in seizure and line order. */
  async itemsCarried(movementIds: readonly string[]): Promise<Array<{ movementId: string; item: ItemEntity }>> {
    const { entities, raw } = await new ItemService(this.manager, this.caller)
      .readable()
      .innerJoin('movement_item', 'mi', 'mi.item_id = i.id')
      .addSelect('mi.movement_id', 'carrying_movement_id')
      .andWhere('mi.movement_id = ANY(:movementIds)', { movementIds })
      .orderBy('i.seizure_id')
      .addOrderBy('i.position')
      .getRawAndEntities();
    const byId = new Map(entities.map((item) => [item.id, item]));
    return raw.map((row) => ({ movementId: row.carrying_movement_id as string, item: byId.get(row.i_id as string)! }));
  }

  /**
   * For each supplier, the rows of one page (see rowsToFetch) of the readable movements it
   * received (`in`) or sent (`out`), newest first, in travel order, counting those of the
   * suppliers merged into it: one statement for a whole list of suppliers.
   */
  async pagesOfSuppliers(
    supplierIds: readonly string[],
    direction: Direction,
    page: SupplierMovementsPage,
  ): Promise<Array<{ supplierId: string; movement: MovementEntity }>> {
    const column = PARTY_COLUMN[direction];
    const visible = readableBy('x', this.caller);
    const inner = MOVEMENTS_NEWEST_FIRST.columns('x');
    const { bind, params } = namedParameters('movementKey');
    const bounds = keysetConditions(inner, MOVEMENTS_NEWEST_FIRST.codec, page, bind).map((c) => ` AND ${c}`).join('');
    const query = this.readable()
      .innerJoin(
        `(SELECT ranked.id, ranked.supplier_id FROM (
           SELECT x.id, party.id AS supplier_id,
                  row_number() OVER (PARTITION BY party.id ORDER BY ${travelOrderSql(inner, page)}) AS rank
             FROM movement x ${survivorJoin(`x.${column}`, 'party')}
            WHERE x.${column} = ANY(${withMergedIds('CAST(:supplierIds AS uuid[])')}) AND ${visible.clause}${bounds}
         ) ranked WHERE ranked.rank <= :perSupplier)`,
        'page',
        'page.id = m.id',
        { ...visible.params, ...params, supplierIds, perSupplier: rowsToFetch(page) },
      )
      .addSelect('page.supplier_id', 'page_supplier_id');
    travelOrder(MOVEMENTS_NEWEST_FIRST.columns('m'), page).forEach(({ sql, direction: order }, i) =>
      i === 0 ? query.orderBy(sql, order) : query.addOrderBy(sql, order),
    );
    const { entities, raw } = await query.getRawAndEntities<{ m_id: string; page_supplier_id: string }>();
    const byId = new Map(entities.map((movement) => [movement.id, movement]));
    return raw.map((row) => ({ supplierId: row.page_supplier_id, movement: byId.get(row.m_id)! }));
  }

  /** How many readable movements each supplier received (`in`) or sent (`out`), with those of the suppliers merged into it. */
  async countsOfSuppliers(supplierIds: readonly string[], direction: Direction): Promise<Map<string, number>> {
    const column = `m.${PARTY_COLUMN[direction]}`;
    const party = survivorOf(column, 'merge');
    const rows: Array<{ supplier_id: string; count: string }> = await this.readable()
      .leftJoin('supplier_merge', 'merge', `merge.merged_id = ${column}`)
      .select(party, 'supplier_id')
      .addSelect('count(*)', 'count')
      .andWhere(`${column} = ANY(${withMergedIds('CAST(:supplierIds AS uuid[])')})`, { supplierIds })
      .groupBy(party)
      .getRawMany();
    return new Map(rows.map((r) => [r.supplier_id, Number(r.count)]));
  }

  static cursorOf(movement: MovementEntity): string {
    return newestFirstCursor(MOVEMENTS_NEWEST_FIRST, movement);
  }

  /** The paging arguments of a supplier's movements with their cursors decoded (a bad one refused before anything is loaded). */
  static suppliersPage(request: PageRequest): SupplierMovementsPage {
    return decodePage(request, MOVEMENTS_NEWEST_FIRST.codec);
  }

  /** One supplier's page from the rows `pagesOfSuppliers` fetched for it. */
  static supplierPageFrom(fetched: MovementEntity[], page: SupplierMovementsPage, totalCount: () => Promise<number>): Page<MovementEntity> {
    return pageFromFetched(fetched, page, MOVEMENTS_NEWEST_FIRST, totalCount);
  }

  /** Movements the caller may read, as a query to narrow further. */
  readable(): SelectQueryBuilder<MovementEntity> {
    const visible = readableBy('m', this.caller);
    return this.manager.getRepository(MovementEntity).createQueryBuilder('m').where(visible.clause, visible.params);
  }
}
