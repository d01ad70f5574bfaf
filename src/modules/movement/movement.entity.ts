import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { HandlingCode } from '../../shared/handling';
import { AgencyEntity } from '../agency/agency.entity';
import { SupplierEntity } from '../supplier/supplier.entity';
import { TransportMode } from './movement.enums';

/**
 * A custody event (EPCIS-shaped): goods passed from a sender to a receiver. Either party may be
 * unknown, not both. Supply-chain walks follow `to_supplier_id` upstream and `from_supplier_id`
 * downstream; both are indexed.
 */
@Entity('movement')
@Unique('movement_agency_client_key', ['agencyId', 'clientKey'])
@Index('movement_to_supplier_idx', ['toSupplierId'])
@Index('movement_from_supplier_idx', ['fromSupplierId'])
@Index('movement_occurred_at_idx', ['occurredAt'])
@Check('movement_has_a_party', 'from_supplier_id IS NOT NULL OR to_supplier_id IS NOT NULL')
@Check('movement_parties_differ', 'from_supplier_id IS DISTINCT FROM to_supplier_id')
export class MovementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The recording agency, which owns the record. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ name: 'from_supplier_id', type: 'uuid', nullable: true })
  fromSupplierId: string | null;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'from_supplier_id' })
  fromSupplier?: SupplierEntity;

  @Column({ name: 'to_supplier_id', type: 'uuid', nullable: true })
  toSupplierId: string | null;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'to_supplier_id' })
  toSupplier?: SupplierEntity;

  @Column({ name: 'occurred_at', type: 'timestamptz', nullable: true })
  occurredAt: Date | null;

  @Column({ name: 'from_country', type: 'char', length: 2, nullable: true })
  fromCountry: string | null;

  @Column({ name: 'to_country', type: 'char', length: 2, nullable: true })
  toCountry: string | null;

  @Column({ type: 'enum', enum: TransportMode, enumName: 'transport_mode', default: TransportMode.UNKNOWN })
  mode: TransportMode;

  /** Invoice, waybill or tracking number. */
  @Column({ name: 'document_ref', type: 'text', nullable: true })
  documentRef: string | null;

  /** How many units of goods, when known (also for goods not among the seized items). */
  @Column({ type: 'integer', nullable: true })
  quantity: number | null;

  @Column({ name: 'goods_description', type: 'text', nullable: true })
  goodsDescription: string | null;

  @Column({ type: 'enum', enum: HandlingCode, enumName: 'handling_code' })
  handling: HandlingCode;

  @Column({ name: 'shared_with', type: 'uuid', array: true, default: () => "'{}'" })
  sharedWith: string[];

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  /** The recording client's own key for the create (the public contract's `clientKey`): retries store nothing twice. */
  @Column({ name: 'client_key', type: 'text', nullable: true })
  clientKey: string | null;

  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
