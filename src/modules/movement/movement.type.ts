import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { HandlingCode } from '../../shared/handling';
import { TransportMode } from './movement.enums';

// Fields resolved from the entity's properties of the same name; the rest are field resolvers.
@ObjectType('Movement', { implements: Node, description: 'A custody event: goods passed from a sender to a receiver.' })
export class MovementType extends Node {
  @Field(() => HandlingCode, { description: 'Who may read it (TLP 2.0).' })
  handling: HandlingCode;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the goods were handed over.' })
  occurredAt: Date | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country the goods left.' })
  fromCountry: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country the goods reached.' })
  toCountry: string | null;

  @Field(() => TransportMode, { description: 'How the goods travelled.' })
  mode: TransportMode;

  @Field(() => String, { nullable: true, description: 'Invoice, waybill or tracking number.' })
  documentRef: string | null;

  @Field(() => Int, { nullable: true, description: 'How many units of goods, when known.' })
  quantity: number | null;

  @Field(() => String, { nullable: true, description: 'What the goods were, in words.' })
  goodsDescription: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded in the registry.' })
  recordedAt: Date;
}
