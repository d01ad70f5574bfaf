import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy } from '../../auth/visibility';
import { newestFirstCursor, newestFirstPage, type NewestFirstOrder } from '../../db/newest-first-page';
import { badUserInput } from '../../graphql/errors/graphql-errors';
import { decodeCursor, encodeCursor } from '../../graphql/relay/cursor';
import type { Page, PageRequest } from '../../graphql/relay/page';
import { normaliseIdentifier } from './identifier';
import { ItemEntity } from './item.entity';
import type { ItemFilter } from './item.inputs';

const ITEMS_NEWEST_FIRST: NewestFirstOrder<ItemEntity> = {
  kind: 'item',
  timeColumn: 'i.recorded_at',
  idColumn: 'i.id',
  keyOf: (item) => ({ time: item.recordedAt, id: item.id }),
};
const SEIZURE_ITEMS_CURSOR_KIND = 'seizure-item';

/** Reading items: an item is readable exactly when its seizure is. */
export class ItemService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  async byIds(ids: readonly string[]): Promise<ItemEntity[]> {
    return this.readable().andWhere('i.id = ANY(:ids)', { ids }).getMany();
  }

  /** A page of readable items matching the filter, most recently recorded first. */
  async list(filter: ItemFilter | null | undefined, page: PageRequest): Promise<Page<ItemEntity>> {
    return newestFirstPage(this.filtered(filter ?? {}), ITEMS_NEWEST_FIRST, page);
  }

  /**
   * The first `first + 1` items after position `after` of each of several seizures, in one
   * statement (a window per seizure), for the nested `Seizure.items` connection.
   */
  async pagesOfSeizures(seizureIds: readonly string[], first: number, afterPosition: number): Promise<ItemEntity[]> {
    return this.readable()
      .andWhere(
        `i.id IN (SELECT ranked.id FROM (
           SELECT x.id, row_number() OVER (PARTITION BY x.seizure_id ORDER BY x.position) AS rank
             FROM item x WHERE x.seizure_id = ANY(:seizureIds) AND x.position > :afterPosition) ranked
           WHERE ranked.rank <= :perSeizure)`,
        { seizureIds, afterPosition, perSeizure: first + 1 },
      )
      .orderBy('i.seizure_id')
      .addOrderBy('i.position')
      .getMany();
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
    return encodeCursor(SEIZURE_ITEMS_CURSOR_KIND, [item.position]);
  }

  static positionAfter(cursor: string | null): number {
    if (!cursor) return 0;
    const [position] = decodeCursor(cursor, SEIZURE_ITEMS_CURSOR_KIND, 1);
    if (typeof position !== 'number') throw badUserInput('`after` is not a cursor of this list', 'after');
    return position;
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
      if (key === '') throw badUserInput('identifier has no letters or digits to look up', 'filter.identifier');
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
