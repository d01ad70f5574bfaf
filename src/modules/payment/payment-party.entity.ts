import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SupplierEntity } from '../supplier/supplier.entity';
import { PaymentEntity } from './payment.entity';

/**
 * A party of a payment's chain at its place in it: the payer at 0, the brokers from 1 in order,
 * the payee after the last broker (the payment's broker_count + 1); an unknown payer or payee
 * has no row. Written with the payment and never changed: the index the money trail walks (a
 * party's payments by place, a payment's next party by key). Readable with its payment.
 */
@Entity('payment_party')
@Index('payment_party_supplier_idx', ['supplierId', 'position'])
export class PaymentPartyEntity {
  @PrimaryColumn({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @ManyToOne(() => PaymentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'payment_id' })
  payment?: PaymentEntity;

  @Column({ name: 'supplier_id', type: 'uuid' })
  supplierId: string;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supplier_id' })
  supplier?: SupplierEntity;

  /** The payment's owning agency, carried on every agency-owned row. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;
}
