import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SupplierEntity } from './supplier.entity';

/**
 * An analyst's decision that two supplier records are one party: a shared fact beside the two
 * records, which stay as their agencies recorded them. While it stands, the merged supplier
 * resolves to the survivor everywhere (lookups, movements, supply chains), and the survivor
 * shows the merged one's names as aliases. Deleting it (unmerge) restores both as they were.
 */
@Entity('supplier_merge')
@Index('supplier_merge_survivor_idx', ['survivorId'])
@Check('supplier_merge_distinct', 'merged_id <> survivor_id')
export class SupplierMergeEntity {
  @PrimaryColumn({ name: 'merged_id', type: 'uuid' })
  mergedId: string;

  @ManyToOne(() => SupplierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'merged_id' })
  merged?: SupplierEntity;

  @Column({ name: 'survivor_id', type: 'uuid' })
  survivorId: string;

  @ManyToOne(() => SupplierEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survivor_id' })
  survivor?: SupplierEntity;

  @Column({ name: 'merged_by', type: 'text' })
  mergedBy: string;

  @Column({ name: 'merged_by_agency_id', type: 'uuid' })
  mergedByAgencyId: string;

  @CreateDateColumn({ name: 'merged_at', type: 'timestamptz', precision: 3 })
  mergedAt: Date;
}
