import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { EngineFuel, HullMaterial, ItemCondition, ItemKind, LifeJacketSize } from './item.enums';

@ObjectType('BoatDetails', { description: 'Facts of a boat or hull.' })
export class BoatDetailsType {
  @Field(() => Float, { nullable: true, description: 'Length in metres.' })
  lengthMetres: number | null;

  @Field(() => HullMaterial, { nullable: true, description: 'Hull material.' })
  hullMaterial: HullMaterial | null;

  @Field(() => String, { nullable: true, description: 'Colour as seen.' })
  colour: string | null;

  @Field(() => Int, { nullable: true, description: 'Capacity in persons, if marked.' })
  capacityPersons: number | null;
}

@ObjectType('EngineDetails', { description: 'Facts of an outboard engine.' })
export class EngineDetailsType {
  @Field(() => Float, { nullable: true, description: 'Power in horsepower.' })
  powerHp: number | null;

  @Field(() => Int, { nullable: true, description: 'Stroke: 2 or 4.' })
  stroke: number | null;

  @Field(() => EngineFuel, { nullable: true, description: 'Fuel.' })
  fuel: EngineFuel | null;
}

@ObjectType('LifeJacketDetails', { description: 'Facts of a batch of life jackets.' })
export class LifeJacketDetailsType {
  @Field(() => String, { nullable: true, description: 'Standard claimed on the label, e.g. "ISO 12402-3".' })
  standardClaimed: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether a CE mark is present.' })
  ceMarked: boolean | null;

  @Field(() => String, { nullable: true, description: 'Notified-body number next to the CE mark.' })
  notifiedBody: string | null;

  @Field(() => LifeJacketSize, { nullable: true, description: 'Size.' })
  size: LifeJacketSize | null;

  @Field(() => Int, { nullable: true, description: 'Buoyancy in newtons claimed.' })
  buoyancyNewtons: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Tests found them counterfeit or dangerous.' })
  foundDangerous: boolean | null;
}

// Fields resolved from the entity's properties of the same name; the rest are field resolvers in ItemResolver.
@ObjectType('Item', { implements: Node, description: 'One line of a seizure: a hull, an engine, a batch of life jackets...' })
export class ItemType extends Node {
  @Field(() => ItemKind, { description: 'What the item is.' })
  kind: ItemKind;

  @Field(() => String, { nullable: true, description: 'Manufacturer as marked.' })
  make: string | null;

  @Field(() => String, { nullable: true, description: 'Model or model code as marked.' })
  model: string | null;

  @Field(() => String, { nullable: true, description: 'Serial number, as recorded.' })
  serialNumber: string | null;

  @Field(() => String, { nullable: true, description: 'Hull identification number, as recorded.' })
  hin: string | null;

  @Field(() => String, { nullable: true, description: 'Batch or lot number, as recorded.' })
  batchNumber: string | null;

  @Field({ description: 'The mark was damaged, altered or partly unreadable when recorded.' })
  markDamaged: boolean;

  @Field(() => Int, { description: 'How many.' })
  quantity: number;

  @Field(() => ItemCondition, { description: 'Condition when seized.' })
  condition: ItemCondition;

  @Field(() => String, { nullable: true, description: 'Free description.' })
  description: string | null;

  @Field(() => Float, { nullable: true, description: 'Capacity in litres (fuel containers, pumps, others).' })
  capacityLitres: number | null;

  @Field(() => Int, { description: 'Line number within its seizure, from 1.' })
  position: number;

  @Field(() => DateTimeScalar, { description: 'When it was recorded in the registry.' })
  recordedAt: Date;
}
