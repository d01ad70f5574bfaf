import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { numericAsNumber } from '../../db/numeric.transformer';
import { ItemEntity } from '../item/item.entity';
import { MatchBasis, MatchStatus } from './matching.enums';

/**
 * A link between two items believed to be the same item or batch: suggested by matching at
 * write time, or made by an analyst. A shared fact, not an agency's record: it is readable by
 * whoever can read both items. Stored once per pair (`item_a` < `item_b`).
 */
@Entity('item_match')
@Index('item_match_item_b_idx', ['itemB'])
@Check('item_match_ordered_pair', 'item_a < item_b')
export class ItemMatchEntity {
  @PrimaryColumn({ name: 'item_a', type: 'uuid' })
  itemA: string;

  @PrimaryColumn({ name: 'item_b', type: 'uuid' })
  itemB: string;

  @ManyToOne(() => ItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_a' })
  first?: ItemEntity;

  @ManyToOne(() => ItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_b' })
  second?: ItemEntity;

  @Column({ type: 'enum', enum: MatchBasis, enumName: 'match_basis' })
  basis: MatchBasis;

  @Column({ type: 'numeric', precision: 4, scale: 3, transformer: numericAsNumber })
  score: number;

  /** Why, in words an analyst reads ("O read as 0 at position 5", "same make"). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  reasons: string[];

  @Column({ type: 'enum', enum: MatchStatus, enumName: 'match_status', default: MatchStatus.SUGGESTED })
  status: MatchStatus;

  /** The analyst's note on a link they made or a decision they took. */
  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decided_by_agency_id', type: 'uuid', nullable: true })
  decidedByAgencyId: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;
}
