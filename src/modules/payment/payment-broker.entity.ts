import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SupplierEntity } from '../supplier/supplier.entity';
import { PaymentEntity } from './payment.entity';

/** A money broker a payment passed through, at its place in the chain (1 for the first). Readable with its payment. */
@Entity('payment_broker')
@Index('payment_broker_supplier_idx', ['supplierId'])
export class PaymentBrokerEntity {
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
