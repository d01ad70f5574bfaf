import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ItemEntity } from '../item/item.entity';
import { ItemKind } from '../item/item.enums';
import { IdentifierField } from './matching.enums';

/**
 * The matching index: one row per recorded identifier of an item, with its normalised key and
 * its key with confusable characters folded (O/0, I/1/L, S/5, B/8, Z/2). Exact and confusable
 * matches are equality on `folded`; readings with unreadable characters go through the trigram
 * indexes on `folded` (created by hand in the migration; one only over stored damaged readings).
 */
@Entity('identifier_key')
@Index('identifier_key_folded_idx', ['kind', 'field', 'folded'])
@Index('identifier_key_folded_trgm_idx', { synchronize: false })
@Index('identifier_key_damaged_trgm_idx', { synchronize: false })
export class IdentifierKeyEntity {
  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @PrimaryColumn({ type: 'enum', enum: IdentifierField, enumName: 'identifier_field' })
  field: IdentifierField;

  @ManyToOne(() => ItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: ItemEntity;

  /** The item's owning agency, carried on every agency-owned row. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ name: 'seizure_id', type: 'uuid' })
  seizureId: string;

  @Column({ type: 'enum', enum: ItemKind, enumName: 'item_kind' })
  kind: ItemKind;

  /** Normalised identifier (upper case, separators removed); `?`/`*` mark unreadable characters. */
  @Column({ type: 'text' })
  key: string;

  @Column({ type: 'text' })
  folded: string;

  @Column({ name: 'has_wildcards', type: 'boolean' })
  hasWildcards: boolean;
}
