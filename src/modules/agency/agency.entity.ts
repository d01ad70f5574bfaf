import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A law-enforcement agency that records seizures (e.g. FR-PAF). Agencies are readable by every caller. */
@Entity('agency')
export class AgencyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Upper-case code, unique, e.g. `FR-PAF`. */
  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** ISO 3166-1 alpha-2 country the agency belongs to. */
  @Column({ type: 'char', length: 2 })
  jurisdiction: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
