import { Field, Float, InputType, Int } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { EngineFuel, HullMaterial, ItemCondition, ItemKind, LifeJacketSize } from './item.enums';

@InputType({ description: 'Facts of a boat or hull.' })
export class BoatDetailsInput {
  @Field(() => Float, { nullable: true, description: 'Length in metres.' })
  lengthMetres?: number | null;

  @Field(() => HullMaterial, { nullable: true, description: 'Hull material.' })
  hullMaterial?: HullMaterial | null;

  @Field(() => String, { nullable: true, description: 'Colour as seen.' })
  colour?: string | null;

  @Field(() => Int, { nullable: true, description: 'Capacity in persons, if marked.' })
  capacityPersons?: number | null;
}

@InputType({ description: 'Facts of an outboard engine.' })
export class EngineDetailsInput {
  @Field(() => Float, { nullable: true, description: 'Power in horsepower.' })
  powerHp?: number | null;

  @Field(() => Int, { nullable: true, description: 'Stroke: 2 or 4.' })
  stroke?: number | null;

  @Field(() => EngineFuel, { nullable: true, description: 'Fuel.' })
  fuel?: EngineFuel | null;
}

@InputType({ description: 'Facts of a batch of life jackets.' })
export class LifeJacketDetailsInput {
  @Field(() => String, { nullable: true, description: 'Standard claimed on the label, e.g. "ISO 12402-3".' })
  standardClaimed?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether a CE mark is present.' })
  ceMarked?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Notified-body number next to the CE mark.' })
  notifiedBody?: string | null;

  @Field(() => LifeJacketSize, { nullable: true, description: 'Size: adult, child or infant.' })
  size?: LifeJacketSize | null;

  @Field(() => Int, { nullable: true, description: 'Buoyancy in newtons claimed (50, 100, 150, 275).' })
  buoyancyNewtons?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Tests found them counterfeit or dangerous.' })
  foundDangerous?: boolean | null;
}

@InputType({ description: 'One item of a seizure. Identifiers are stored exactly as recorded.' })
export class ItemInput {
  @Field(() => ItemKind, { description: 'What the item is.' })
  kind: ItemKind;

  @Field(() => String, { nullable: true, description: 'Manufacturer as marked, at most 500 characters.' })
  make?: string | null;

  @Field(() => String, { nullable: true, description: 'Model or model code as marked, at most 500 characters.' })
  model?: string | null;

  @Field(() => String, { nullable: true, description: 'Serial number as read, at most 64 characters.' })
  serialNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Hull identification number as read; must be a valid HIN unless markDamaged.' })
  hin?: string | null;

  @Field(() => String, { nullable: true, description: 'Batch or lot number as read, at most 64 characters.' })
  batchNumber?: string | null;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: 'How many (life jackets count in hundreds); at least 1.' })
  quantity?: number | null;

  @Field(() => ItemCondition, { nullable: true, defaultValue: ItemCondition.UNKNOWN, description: 'Condition when seized.' })
  condition?: ItemCondition | null;

  @Field(() => String, { nullable: true, description: 'Free description, at most 500 characters.' })
  description?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'The mark was damaged, altered or partly unreadable: identifiers are kept as read, `?` for one unreadable character and `*` for a run, and matched only fuzzily.',
  })
  markDamaged?: boolean | null;

  @Field(() => Float, { nullable: true, description: 'Fuel containers, pumps and others: capacity in litres.' })
  capacityLitres?: number | null;

  @Field(() => BoatDetailsInput, { nullable: true, description: 'Boats and hulls only.' })
  boat?: BoatDetailsInput | null;

  @Field(() => EngineDetailsInput, { nullable: true, description: 'Outboard engines only.' })
  engine?: EngineDetailsInput | null;

  @Field(() => LifeJacketDetailsInput, { nullable: true, description: 'Life jackets only.' })
  lifeJacket?: LifeJacketDetailsInput | null;
}

@InputType({ description: 'Which items to list; every field given must hold.' })
export class ItemFilter {
  @Field(() => String, { nullable: true, description: 'A HIN, serial or batch number, compared after normalisation (case and separators ignored).' })
  identifier?: string | null;

  @Field(() => [ItemKind], { nullable: true, description: 'Any of these kinds.' })
  kind?: ItemKind[] | null;

  @Field(() => String, { nullable: true, description: 'Manufacturer, ignoring case.' })
  make?: string | null;

  @Field(() => [CountryCodeScalar], { nullable: true, description: 'Seized in any of these countries.' })
  jurisdiction?: string[] | null;
}
