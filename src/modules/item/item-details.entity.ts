import { numericAsNumber } from '../../db/numeric.transformer';
import { Column } from 'typeorm';
import { EngineFuel, HullMaterial, LifeJacketSize } from './item.enums';

// Kind-specific facts (what each kind of item records), embedded as prefixed
// columns of the item row: typed and constrained, without a table per kind.

export class BoatDetails {
  @Column({ type: 'numeric', precision: 6, scale: 2, nullable: true, transformer: numericAsNumber })
  lengthMetres: number | null;

  @Column({ type: 'enum', enum: HullMaterial, enumName: 'hull_material', nullable: true })
  hullMaterial: HullMaterial | null;

  @Column({ type: 'text', nullable: true })
  colour: string | null;

  @Column({ type: 'integer', nullable: true })
  capacityPersons: number | null;
}

export class EngineDetails {
  @Column({ type: 'numeric', precision: 7, scale: 2, nullable: true, transformer: numericAsNumber })
  powerHp: number | null;

  @Column({ type: 'smallint', nullable: true })
  stroke: number | null;

  @Column({ type: 'enum', enum: EngineFuel, enumName: 'engine_fuel', nullable: true })
  fuel: EngineFuel | null;
}

export class LifeJacketDetails {
  /** Standard claimed on the label, e.g. "ISO 12402-3". */
  @Column({ type: 'text', nullable: true })
  standardClaimed: string | null;

  @Column({ type: 'boolean', nullable: true })
  ceMarked: boolean | null;

  @Column({ type: 'text', nullable: true })
  notifiedBody: string | null;

  @Column({ type: 'enum', enum: LifeJacketSize, enumName: 'life_jacket_size', nullable: true })
  size: LifeJacketSize | null;

  @Column({ type: 'integer', nullable: true })
  buoyancyNewtons: number | null;

  /** Tests found it counterfeit or dangerous. */
  @Column({ type: 'boolean', nullable: true })
  foundDangerous: boolean | null;
}
