import { Check, Column, CreateDateColumn, Entity, Index, ManyToOne, JoinColumn, PrimaryGeneratedColumn, Unique, UpdateDateColumn, VersionColumn } from 'typeorm';
import { HandlingCode } from '../../shared/handling';
import { AgencyEntity } from '../agency/agency.entity';

/** One seizure event, owned by the agency that recorded it. */
@Entity('seizure')
@Unique('seizure_agency_client_key', ['agencyId', 'clientKey'])
@Unique('seizure_agency_reference_key', ['agencyId', 'referenceKey'])
@Index('seizure_seized_at_idx', ['seizedAt', 'id'])
@Index('seizure_jurisdiction_seized_at_idx', ['jurisdiction', 'seizedAt'])
@Index('seizure_agency_seized_at_idx', ['agencyId', 'seizedAt', 'id'])
@Index('seizure_reference_key_idx', ['referenceKey'])
@Check('seizure_latitude_range', 'latitude BETWEEN -90 AND 90')
@Check('seizure_longitude_range', 'longitude BETWEEN -180 AND 180')
export class SeizureEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  /** The agency's own case reference, as recorded. */
  @Column({ type: 'text' })
  reference: string;

  /** The reference trimmed and lower-cased: idempotency key, unique per agency. */
  @Column({ name: 'reference_key', type: 'text' })
  referenceKey: string;

  @Column({ type: 'char', length: 2 })
  jurisdiction: string;

  @Column({ name: 'seized_at', type: 'timestamptz' })
  seizedAt: Date;

  @Column({ name: 'location_description', type: 'text', nullable: true })
  locationDescription: string | null;

  @Column({ type: 'double precision', nullable: true })
  latitude: number | null;

  @Column({ type: 'double precision', nullable: true })
  longitude: number | null;

  @Column({ type: 'enum', enum: HandlingCode, enumName: 'handling_code' })
  handling: HandlingCode;

  /** Agencies that may also read the seizure under TLP_AMBER. */
  @Column({ name: 'shared_with', type: 'uuid', array: true, default: () => "'{}'" })
  sharedWith: string[];

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  /** The token subject of the officer who recorded it (TLP_RED: the only reader). */
  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  /** How many item lines it holds, and their quantities added up: kept by a trigger on item inserts (see the Statistics migration). */
  @Column({ name: 'item_count', type: 'integer', default: 0 })
  itemCount: number;

  @Column({ name: 'item_quantity', type: 'integer', default: 0 })
  itemQuantity: number;

  /** The recording client's own key for the create (the public contract's `clientKey`): retries store nothing twice. */
  @Column({ name: 'client_key', type: 'text', nullable: true })
  clientKey: string | null;

  // Millisecond precision, like JavaScript dates, so keyset cursors round-trip exactly.
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;

  /** Optimistic concurrency: amendments must name the version they change. */
  @VersionColumn({ default: 1 })
  version: number;
}
