import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { numericAsNumber } from '../../db/numeric.transformer';
import { AgencyEntity } from '../agency/agency.entity';
import { SeizureEntity } from '../seizure/seizure.entity';
import { BoatDetails, EngineDetails, LifeJacketDetails } from './item-details.entity';
import { ItemCondition, ItemKind } from './item.enums';

/**
 * One line of a seizure: a hull, an engine, a batch of life jackets... Identifiers are kept
 * exactly as recorded, with their normalised forms beside them for lookup and matching.
 * An item is readable exactly when its seizure is.
 */
@Entity('item')
@Unique('item_seizure_position_key', ['seizureId', 'position'])
@Index('item_hin_key_idx', ['hinKey'])
@Index('item_serial_key_idx', ['serialKey'])
@Index('item_batch_key_idx', ['batchKey'])
@Index('item_kind_seizure_idx', ['kind', 'seizureId'])
@Index('item_recorded_at_idx', ['recordedAt', 'id'])
// Case-insensitive make filter: an expression index, created by hand in the migration.
@Index('item_make_lower_idx', { synchronize: false })
@Check('item_quantity_positive', 'quantity >= 1')
export class ItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'seizure_id', type: 'uuid' })
  seizureId: string;

  @ManyToOne(() => SeizureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seizure_id' })
  seizure?: SeizureEntity;

  /** The owning agency (the seizure's), carried on every agency-owned row. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  /** Line number within the seizure, from 1, in the order recorded. */
  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'enum', enum: ItemKind, enumName: 'item_kind' })
  kind: ItemKind;

  @Column({ type: 'text', nullable: true })
  make: string | null;

  /** The make folded as supplier names are (src/modules/supplier/supplier-name.ts), for grouping; '' without a make. */
  @Column({ name: 'make_key', type: 'text', default: '' })
  makeKey: string;

  @Column({ type: 'text', nullable: true })
  model: string | null;

  @Column({ name: 'serial_number', type: 'text', nullable: true })
  serialNumber: string | null;

  @Column({ type: 'text', nullable: true })
  hin: string | null;

  @Column({ name: 'batch_number', type: 'text', nullable: true })
  batchNumber: string | null;

  @Column({ name: 'hin_key', type: 'text', nullable: true })
  hinKey: string | null;

  @Column({ name: 'serial_key', type: 'text', nullable: true })
  serialKey: string | null;

  @Column({ name: 'batch_key', type: 'text', nullable: true })
  batchKey: string | null;

  @Column({ name: 'mark_damaged', type: 'boolean', default: false })
  markDamaged: boolean;

  @Column({ type: 'integer', default: 1 })
  quantity: number;

  @Column({ type: 'enum', enum: ItemCondition, enumName: 'item_condition', default: ItemCondition.UNKNOWN })
  condition: ItemCondition;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Fuel containers, pumps and others: capacity in litres. */
  @Column({ name: 'capacity_litres', type: 'numeric', precision: 9, scale: 2, nullable: true, transformer: numericAsNumber })
  capacityLitres: number | null;

  // Millisecond precision, like JavaScript dates, so keyset cursors round-trip exactly.
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt: Date;

  @Column(() => BoatDetails, { prefix: 'boat_' })
  boat: BoatDetails;

  @Column(() => EngineDetails, { prefix: 'engine_' })
  engine: EngineDetails;

  @Column(() => LifeJacketDetails, { prefix: 'life_jacket_' })
  lifeJacket: LifeJacketDetails;
}
