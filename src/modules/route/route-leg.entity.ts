import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SeizureEntity } from '../seizure/seizure.entity';
import { TransportMode } from '../movement/movement.enums';

/** One leg of the route a seizure's goods or people took, in order. Readable with its seizure. */
@Entity('route_leg')
@Index('route_leg_country_idx', ['country'])
export class RouteLegEntity {
  @PrimaryColumn({ name: 'seizure_id', type: 'uuid' })
  seizureId: string;

  /** Order along the route, from 1. */
  @PrimaryColumn({ type: 'integer' })
  position: number;

  @ManyToOne(() => SeizureEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'seizure_id' })
  seizure?: SeizureEntity;

  /** The seizure's owning agency, carried on every agency-owned row. */
  @Column({ name: 'agency_id', type: 'uuid' })
  agencyId: string;

  @Column({ type: 'char', length: 2 })
  country: string;

  @Column({ type: 'text', nullable: true })
  place: string | null;

  @Column({ type: 'enum', enum: TransportMode, enumName: 'transport_mode', default: TransportMode.UNKNOWN })
  mode: TransportMode;
}
