import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy } from '../../auth/visibility';
import { SupplierIdentifierEntity } from './supplier-identifier.entity';
import { SupplierEntity } from './supplier.entity';

/** Reading suppliers, always under the visibility rule. */
export class SupplierService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  async byIds(ids: readonly string[]): Promise<SupplierEntity[]> {
    return this.readable().andWhere('sup.id = ANY(:ids)', { ids }).getMany();
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

  /** Suppliers the caller may read, as a query to narrow further. */
  readable(): SelectQueryBuilder<SupplierEntity> {
    const visible = readableBy('sup', this.caller);
    return this.manager.getRepository(SupplierEntity).createQueryBuilder('sup').where(visible.clause, visible.params);
  }
}
