import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { HandlingCode } from '../../shared/handling';
import { AgencyEntity } from '../agency/agency.entity';
import { SupplierEntity } from '../supplier/supplier.entity';
import { AdvertKind, AdvertPlatform } from './advert.enums';

/**
 * A social-media post or listing captured as evidence. Its account and contacts are kept in
 * advert_identifier, its offers in advert_offer, the seizures it is evidence for in
 * advert_seizure, and its text as searched and compared in advert_text (see the Adverts
 * migration). `url_key` (the canonical URL) and `content_hash` are its keys in the sightings
 * index beside its identifiers.
 */
@Entity('advert')
@Unique('advert_agency_client_key', ['agencyId', 'clientKey'])
@Index('advert_recorded_at_idx', ['recordedAt'])
@Index('advert_captured_at_idx', ['capturedAt'])
@Index('advert_url_key_idx', ['urlKey'])
@Index('advert_content_hash_idx', ['contentHash'])
@Index('advert_advertiser_idx', ['advertiserId'])
@Check('advert_content_hash_form', "content_hash ~ '^[0-9a-f]{64}$'")
@Check('advert_text_length', 'char_length(text) <= 10000')
export class AdvertEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The recording agency, which owns the record. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;

  @Column({ type: 'enum', enum: AdvertPlatform, enumName: 'advert_platform' })
  platform: AdvertPlatform;

  @Column({ type: 'enum', enum: AdvertKind, enumName: 'advert_kind' })
  kind: AdvertKind;

  /** As recorded. */
  @Column({ type: 'text', nullable: true })
  url: string | null;

  /** The URL's canonical form (canonical-url.ts): what two adverts' addresses are compared by. */
  @Column({ name: 'url_key', type: 'text', nullable: true })
  urlKey: string | null;

  @Column({ name: 'captured_at', type: 'timestamptz' })
  capturedAt: Date;

  /** The captured text, as recorded. */
  @Column({ type: 'text', nullable: true })
  text: string | null;

  /** sha256 of the captured file, lower-case hex. */
  @Column({ name: 'content_hash', type: 'text', nullable: true })
  contentHash: string | null;

  /** The party behind it, once known. */
  @Column({ name: 'advertiser_id', type: 'uuid', nullable: true })
  advertiserId: string | null;

  @ManyToOne(() => SupplierEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'advertiser_id' })
  advertiser?: SupplierEntity;

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
