import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy } from '../../auth/visibility';
import { keysetConditions, namedParameters, travelOrder, travelOrderSql } from '../../db/keyset';
import { newestFirst, newestFirstCursor, newestFirstPage, type NewestFirstParts } from '../../db/newest-first-page';
import type { CursorKey } from '../../shared/paging/cursor';
import { decodePage, pageFromFetched, rowsToFetch, type KeysetPage } from '../../shared/paging/keyset-page';
import type { Page, PageRequest } from '../../shared/paging/page';
import { invalidArgument } from '../../shared/refusal';
import type { SupplierEntity } from '../supplier/supplier.entity';
import { identifierKey } from '../supplier/party-identifiers';
import { IdentifierScheme } from '../supplier/supplier.enums';
import { SupplierService } from '../supplier/supplier.service';
import { survivorJoin, withMergedIds } from '../supplier/survivor-sql';
import { PaymentEntity } from './payment.entity';
import type { PaymentMethod } from './payment.enums';

/** Made by the party (its payer), or received by it (as payee or as a broker). */
export type PartySide = 'made' | 'received';

/** A list filter with every record it names by database id (null: an id that names nothing of its type). */
export interface PaymentListFilter {
  method?: PaymentMethod[] | null;
  partyId?: string | null;
  paidFrom?: Date | null;
  paidTo?: Date | null;
  reference?: string | null;
}

const PAYMENTS_NEWEST_FIRST = newestFirst<PaymentEntity>({
  kind: 'payment',
  alias: 'p',
  timeColumn: 'recorded_at',
  keyOf: (payment) => ({ time: payment.recordedAt, id: payment.id }),
});
/** A decoded page of a supplier's payments. */
export type SupplierPaymentsPage = KeysetPage<CursorKey<NewestFirstParts>>;

/**
 * Each payment with the party on `side` of it, as SQL rows (the payment's columns and party_id)
 * over payments `x`: its payer (place 0 in its chain); or its brokers and payee (any later place).
 * `ids` is a uuid[] expression of the parties.
 */
function partyRows(side: PartySide, ids: string, visible: string): string {
  const place = side === 'made' ? 'own.position = 0' : 'own.position > 0';
  return `SELECT x.*, own.supplier_id AS party_id FROM payment_party own JOIN payment x ON x.id = own.payment_id
           WHERE own.supplier_id = ANY(${ids}) AND ${place} AND ${visible}`;
}

/** Reading payments, always under the visibility rule. */
export class PaymentService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  async byIds(ids: readonly string[]): Promise<PaymentEntity[]> {
    return this.readable().andWhere('p.id = ANY(:ids)', { ids }).getMany();
  }

  /** A page of readable payments, newest recorded first (forwards or backwards). */
  async list(filter: PaymentListFilter, page: PageRequest): Promise<Page<PaymentEntity>> {
    const query = this.readable();
    if (filter.method?.length) query.andWhere('p.method = ANY(:methods)', { methods: filter.method });
    if (filter.paidFrom) query.andWhere('p.paid_at >= :paidFrom', { paidFrom: filter.paidFrom });
    if (filter.paidTo) query.andWhere('p.paid_at < :paidTo', { paidTo: filter.paidTo });
    if (filter.reference !== undefined && filter.reference !== null) {
      const key = identifierKey(IdentifierScheme.HAWALA_CODE, filter.reference.trim(), null);
      if (!key.ok) throw invalidArgument(`reference: ${key.message}`, 'filter');
      query.andWhere('p.reference_key = :referenceKey', { referenceKey: key.key });
    }
    if (filter.partyId !== undefined) {
      // An id that names no supplier matches nothing; a merged supplier stands for its survivor.
      const visible = readableBy('x', this.caller);
      const ids = withMergedIds('CAST(:partyIds AS uuid[])');
      query.andWhere(`p.id IN (SELECT x.id FROM payment_party own JOIN payment x ON x.id = own.payment_id WHERE own.supplier_id = ANY(${ids}) AND ${visible.clause})`, {
        ...visible.params,
        partyIds: filter.partyId ? [filter.partyId] : [],
      });
    }
    return newestFirstPage(query, PAYMENTS_NEWEST_FIRST, page);
  }

  /** The readable brokers of each payment, in the chain's order. */
  async brokersOf(paymentIds: readonly string[]): Promise<Array<{ paymentId: string; broker: SupplierEntity }>> {
    const { entities, raw } = await new SupplierService(this.manager, this.caller).readable()
      .innerJoin('payment_party', 'pb', 'pb.supplier_id = sup.id')
      .innerJoin('payment', 'paid', 'paid.id = pb.payment_id')
      .addSelect(['pb.payment_id', 'pb.position'])
      .andWhere('pb.payment_id = ANY(:paymentIds) AND pb.position BETWEEN 1 AND paid.broker_count', { paymentIds })
      .orderBy('pb.payment_id')
      .addOrderBy('pb.position')
      .getRawAndEntities<{ payment_id: string; sup_id: string }>();
    const byId = new Map(entities.map((s) => [s.id, s]));
    return raw.map((row) => ({ paymentId: row.payment_id, broker: byId.get(row.sup_id)! }));
  }

  /** The ids of the seizures and movements each of these readable payments paid for (whether the caller may read those is the loaders' to judge). */
  async paidFor(paymentIds: readonly string[]): Promise<Array<{ payment_id: string; kind: 'seizure' | 'movement'; id: string }>> {
    return this.manager.query(
      `SELECT payment_id, 'seizure' AS kind, seizure_id AS id FROM payment_seizure WHERE payment_id = ANY($1)
       UNION ALL
       SELECT payment_id, 'movement', movement_id FROM payment_movement WHERE payment_id = ANY($1)
       ORDER BY 1, 2, 3`,
      [paymentIds],
    );
  }

  /**
   * For each supplier, the rows of one page (see rowsToFetch) of the readable payments it made
   * or received, newest first, in travel order, counting those of the suppliers merged into it:
   * one statement for a whole list of suppliers.
   */
  async pagesOfSuppliers(supplierIds: readonly string[], side: PartySide, page: SupplierPaymentsPage): Promise<Array<{ supplierId: string; payment: PaymentEntity }>> {
    const visible = readableBy('x', this.caller);
    const inner = PAYMENTS_NEWEST_FIRST.columns('x');
    const { bind, params } = namedParameters('paymentKey');
    const bounds = keysetConditions(inner, PAYMENTS_NEWEST_FIRST.codec, page, bind).map((c) => ` AND ${c}`).join('');
    const query = this.readable()
      .innerJoin(
        `(SELECT ranked.id, ranked.supplier_id FROM (
           SELECT x.id, x.supplier_id,
                  row_number() OVER (PARTITION BY x.supplier_id ORDER BY ${travelOrderSql(inner, page)}) AS rank
             FROM (${this.paymentsOfParties(side, visible.clause)}) x
            WHERE true${bounds}
         ) ranked WHERE ranked.rank <= :perSupplier)`,
        'page',
        'page.id = p.id',
        { ...visible.params, ...params, supplierIds, perSupplier: rowsToFetch(page) },
      )
      .addSelect('page.supplier_id', 'page_supplier_id');
    travelOrder(PAYMENTS_NEWEST_FIRST.columns('p'), page).forEach(({ sql, direction }, i) =>
      i === 0 ? query.orderBy(sql, direction) : query.addOrderBy(sql, direction),
    );
    const { entities, raw } = await query.getRawAndEntities<{ p_id: string; page_supplier_id: string }>();
    const byId = new Map(entities.map((payment) => [payment.id, payment]));
    return raw.map((row) => ({ supplierId: row.page_supplier_id, payment: byId.get(row.p_id)! }));
  }

  /** How many readable payments each supplier made or received, with those of the suppliers merged into it. */
  async countsOfSuppliers(supplierIds: readonly string[], side: PartySide): Promise<Map<string, number>> {
    const visible = readableBy('x', this.caller);
    const rows: Array<{ supplier_id: string; count: number }> = await this.manager.query(
      ...this.manager.connection.driver.escapeQueryWithParameters(
        `SELECT x.supplier_id, count(*)::int AS count FROM (${this.paymentsOfParties(side, visible.clause)}) x GROUP BY x.supplier_id`,
        { ...visible.params, supplierIds },
      ),
    );
    return new Map(rows.map((r) => [r.supplier_id, r.count]));
  }

  /**
   * Each readable payment (id, recorded_at) of the parties :supplierIds on `side`, once per
   * party (supplier_id), a merged supplier's counted as its survivor's.
   */
  private paymentsOfParties(side: PartySide, visible: string): string {
    return `SELECT DISTINCT x.id, x.recorded_at, party.id AS supplier_id
              FROM (${partyRows(side, withMergedIds('CAST(:supplierIds AS uuid[])'), visible)}) x
              ${survivorJoin('x.party_id', 'party')}`;
  }

  static cursorOf(payment: PaymentEntity): string {
    return newestFirstCursor(PAYMENTS_NEWEST_FIRST, payment);
  }

  /** The paging arguments of a supplier's payments with their cursors decoded (a bad one refused before anything is loaded). */
  static suppliersPage(request: PageRequest): SupplierPaymentsPage {
    return decodePage(request, PAYMENTS_NEWEST_FIRST.codec);
  }

  /** One supplier's page from the rows `pagesOfSuppliers` fetched for it. */
  static supplierPageFrom(fetched: PaymentEntity[], page: SupplierPaymentsPage, totalCount: () => Promise<number>): Page<PaymentEntity> {
    return pageFromFetched(fetched, page, PAYMENTS_NEWEST_FIRST, totalCount);
  }

  /** Payments the caller may read, as a query to narrow further. */
  readable(): SelectQueryBuilder<PaymentEntity> {
    const visible = readableBy('p', this.caller);
    return this.manager.getRepository(PaymentEntity).createQueryBuilder('p').where(visible.clause, visible.params);
  }
}
