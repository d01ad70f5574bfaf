import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { HandlingCode } from '../../shared/handling';
import { AgencyEntity } from '../agency/agency.entity';
import { SupplierRole } from './supplier.enums';

/** A party in the supply chain (maker, importer, seller...), as one agency recorded it. */
@Entity('supplier')
@Unique('supplier_agency_client_key', ['agencyId', 'clientKey'])
@Index('supplier_recorded_at_idx', ['recordedAt', 'id'])
@Index('supplier_country_role_idx', ['country', 'role'])
// Trigram index on the name fingerprints, created by hand in the migration (pg_trgm).
@Index('supplier_search_trgm_idx', { synchronize: false })
export class SupplierEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The recording agency, which owns the record. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases: string[];

  @Column({ type: 'enum', enum: SupplierRole, enumName: 'supplier_role', default: SupplierRole.UNKNOWN })
  role: SupplierRole;

  @Column({ type: 'char', length: 2, nullable: true })
  country: string | null;

  /** Fingerprints of the name and aliases, joined by ' | ': what search compares (see supplier-name.ts). */
  @Column({ name: 'search_text', type: 'text' })
  searchText: string;

  @Column({ type: 'enum', enum: HandlingCode, enumName: 'handling_code' })
  handling: HandlingCode;

  @Column({ name: 'shared_with', type: 'uuid', array: true, default: () => "'{}'" })
  sharedWith: string[];

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  /** The recording client's own key for the create (the public contract's `clientKey`): retries store nothing twice. */
  @Column({ name: 'client_key', type: 'text', nullable: true })
  clientKey: string | null;

  // Millisecond precision, like JavaScript dates, so keyset cursors round-trip exactly.
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz', precision: 3 })
  recordedAt: Date;
}
