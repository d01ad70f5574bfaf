import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { HandlingCode } from '../../shared/handling';

@ObjectType('Location', {
  description: 'Where something happened. Not a Node and has no id: a client cache keeps it unnormalised, inside the record it belongs to.',
})
export class LocationType {
  @Field(() => String, { nullable: true, description: 'Place in words.' })
  description: string | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 latitude.' })
  latitude: number | null;

  @Field(() => Float, { nullable: true, description: 'WGS 84 longitude.' })
  longitude: number | null;
}

// Fields resolved from the entity's properties of the same name; the rest (id, agency,
// location, sharedWith, items) are field resolvers in SeizureResolver.
@ObjectType('Seizure', { implements: Node, description: 'Goods seized in one operation, recorded by one agency.' })
export class SeizureType extends Node {
  @Field({ description: 'The recording agency\'s own case reference, unique per agency.' })
  reference: string;

  @Field(() => CountryCodeScalar, { description: 'Country where the goods were seized.' })
  jurisdiction: string;

  @Field(() => DateTimeScalar, { description: 'When the goods were seized.' })
  seizedAt: Date;

  @Field(() => HandlingCode, { description: 'Who may read it (TLP 2.0).' })
  handling: HandlingCode;

  @Field(() => String, { nullable: true, description: 'Case notes.' })
  notes: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded in the registry.' })
  recordedAt: Date;

  @Field(() => DateTimeScalar, { description: 'When it was last changed.' })
  updatedAt: Date;

  @Field(() => Int, { description: 'Changes with every amendment; amendments name the version they change.' })
  version: number;
}
