import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ItemEntity } from '../item/item.entity';
import { MovementEntity } from './movement.entity';

/** A seized item a movement is known to have carried. Readable with its movement. */
@Entity('movement_item')
@Index('movement_item_item_idx', ['itemId'])
export class MovementItemEntity {
  @PrimaryColumn({ name: 'movement_id', type: 'uuid' })
  movementId: string;

  @PrimaryColumn({ name: 'item_id', type: 'uuid' })
  itemId: string;

  @ManyToOne(() => MovementEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'movement_id' })
  movement?: MovementEntity;

  @ManyToOne(() => ItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'item_id' })
  item?: ItemEntity;

  /** The movement's owning agency, carried on every agency-owned row. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;
}
