import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { MovementEntity } from '../movement/movement.entity';
import { SeizureEntity } from '../seizure/seizure.entity';
import { PaymentEntity } from './payment.entity';

/** A seizure whose goods a payment paid for. Readable with its payment. */
@Entity('payment_seizure')
@Index('payment_seizure_seizure_idx', ['seizureId'])
export class PaymentSeizureEntity {
  @PrimaryColumn({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @PrimaryColumn({ name: 'seizure_id', type: 'uuid' })
  seizureId: string;

  @ManyToOne(() => PaymentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'payment_id' })
  payment?: PaymentEntity;

  @ManyToOne(() => SeizureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seizure_id' })
  seizure?: SeizureEntity;

  /** The payment's owning agency, carried on every agency-owned row. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;
}

/** A movement of goods a payment paid for. Readable with its payment. */
@Entity('payment_movement')
@Index('payment_movement_movement_idx', ['movementId'])
export class PaymentMovementEntity {
  @PrimaryColumn({ name: 'payment_id', type: 'uuid' })
  paymentId: string;

  @PrimaryColumn({ name: 'movement_id', type: 'uuid' })
  movementId: string;

  @ManyToOne(() => PaymentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'payment_id' })
  payment?: PaymentEntity;

  @ManyToOne(() => MovementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'movement_id' })
  movement?: MovementEntity;

  /** The payment's owning agency, carried on every agency-owned row. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;
}
