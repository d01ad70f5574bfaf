import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { HandlingCode } from '../../shared/handling';
import { AgencyEntity } from '../agency/agency.entity';
import { SupplierEntity } from '../supplier/supplier.entity';
import { PaymentMethod } from './payment.enums';

/**
 * A payment between parties of the trade: from a payer, through money brokers in order, to a
 * payee; any of them may be unknown. The whole chain is also kept by place in payment_party,
 * which the party's lists and the money trail read. The amount is exact (`numeric`, in
 * the currency's unit, never a float). `reference_key` is the reference compared as a
 * HAWALA_CODE: the payment's key in the sightings index.
 */
@Entity('payment')
@Unique('payment_agency_client_key', ['agencyId', 'clientKey'])
@Index('payment_recorded_at_idx', ['recordedAt'])
@Index('payment_paid_at_idx', ['paidAt'])
@Index('payment_reference_key_idx', ['referenceKey'])
@Check('payment_amount_positive', 'amount > 0')
@Check('payment_amount_has_currency', '(amount IS NULL) = (currency IS NULL)')
@Check('payment_parties_differ', 'payer_id <> payee_id')
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The recording agency, which owns the record. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ name: 'payer_id', type: 'uuid', nullable: true })
  payerId: string | null;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payer_id' })
  payer?: SupplierEntity;

  @Column({ name: 'payee_id', type: 'uuid', nullable: true })
  payeeId: string | null;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'payee_id' })
  payee?: SupplierEntity;

  /** How many brokers it passed through: the payee's place in the chain is this plus one (the payer's is 0). */
  @Column({ name: 'broker_count', type: 'smallint', default: 0 })
  brokerCount: number;

  @Column({ type: 'enum', enum: PaymentMethod, enumName: 'payment_method', default: PaymentMethod.UNKNOWN })
  method: PaymentMethod;

  /** Exact, as PostgreSQL prints it (a string); null when unknown, together with the currency. */
  @Column({ type: 'numeric', nullable: true })
  amount: string | null;

  /** ISO 4217 code. */
  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;

  @Column({ name: 'paid_at', type: 'timestamptz', nullable: true })
  paidAt: Date | null;

  @Column({ name: 'from_country', type: 'char', length: 2, nullable: true })
  fromCountry: string | null;

  @Column({ name: 'to_country', type: 'char', length: 2, nullable: true })
  toCountry: string | null;

  /** Transfer code or transaction id, as recorded. */
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  /** The reference normalised as a HAWALA_CODE; null without a reference or when nothing of it remains. */
  @Column({ name: 'reference_key', type: 'text', nullable: true })
  referenceKey: string | null;

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
