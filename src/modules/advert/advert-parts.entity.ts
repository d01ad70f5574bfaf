import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ItemKind } from '../item/item.enums';
import { SeizureEntity } from '../seizure/seizure.entity';
import type { IdentifierScheme } from '../supplier/supplier.enums';
import { AdvertEntity } from './advert.entity';

/**
 * The posting account (at place 0, `is_account`) and the contacts shown in an advert, as
 * recorded and normalised: the advert's keys in the sightings index. Readable with its advert.
 */
@Entity('advert_identifier')
@Index('advert_identifier_key_idx', ['scheme', 'valueKey'])
export class AdvertIdentifierEntity {
  @PrimaryColumn({ name: 'advert_id', type: 'uuid' })
  advertId: string;

  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @ManyToOne(() => AdvertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'advert_id' })
  advert?: AdvertEntity;

  /** The advert's owning agency, carried on every agency-owned row. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  /** The posting account, rather than a contact shown in the advert. */
  @Column({ name: 'is_account', type: 'boolean', default: false })
  isAccount: boolean;

  @Column({ type: 'text' })
  scheme: IdentifierScheme;

  @Column({ type: 'text' })
  value: string;

  @Column({ name: 'value_key', type: 'text' })
  valueKey: string;
}

/** Something an advert offers, at its place in the advert. Readable with its advert. */
@Entity('advert_offer')
@Check('advert_offer_price_positive', 'amount > 0')
@Check('advert_offer_price_has_currency', '(amount IS NULL) = (currency IS NULL)')
@Check('advert_offer_quantity_positive', 'quantity > 0')
export class AdvertOfferEntity {
  @PrimaryColumn({ name: 'advert_id', type: 'uuid' })
  advertId: string;

  @PrimaryColumn({ type: 'smallint' })
  position: number;

  @ManyToOne(() => AdvertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'advert_id' })
  advert?: AdvertEntity;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'item_kind', type: 'enum', enum: ItemKind, enumName: 'item_kind', nullable: true })
  itemKind: ItemKind | null;

  @Column({ type: 'text', nullable: true })
  make: string | null;

  @Column({ type: 'text', nullable: true })
  model: string | null;

  @Column({ type: 'integer', nullable: true })
  quantity: number | null;

  /** The asking price, exact (see PaymentEntity.amount); null when none is given, with the currency. */
  @Column({ type: 'numeric', nullable: true })
  amount: string | null;

  @Column({ type: 'char', length: 3, nullable: true })
  currency: string | null;
}

/** A seizure an advert is evidence for. Readable with its advert. */
@Entity('advert_seizure')
@Index('advert_seizure_seizure_idx', ['seizureId'])
export class AdvertSeizureEntity {
  @PrimaryColumn({ name: 'advert_id', type: 'uuid' })
  advertId: string;

  @PrimaryColumn({ name: 'seizure_id', type: 'uuid' })
  seizureId: string;

  @ManyToOne(() => AdvertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'advert_id' })
  advert?: AdvertEntity;

  @ManyToOne(() => SeizureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seizure_id' })
  seizure?: SeizureEntity;

  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;
}
