import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { IdentifierScheme } from './supplier.enums';
import { SupplierEntity } from './supplier.entity';

/** An identifier of a supplier (VAT number, phone, e-mail...): as recorded, and normalised for comparison. */
@Entity('supplier_identifier')
@Index('supplier_identifier_key_idx', ['scheme', 'valueKey'])
export class SupplierIdentifierEntity {
  @PrimaryColumn({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @ManyToOne(() => SupplierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: SupplierEntity;

  /** The supplier's owning agency, carried on every agency-owned row. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  /** One of IdentifierScheme; text, so that a new scheme needs no migration. */
  @Column({ type: 'text' })
  scheme: IdentifierScheme;

  @Column({ type: 'text' })
  value: string;

  @Column({ name: 'value_key', type: 'text' })
  valueKey: string;
}
