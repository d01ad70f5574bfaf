import { Field, Float, ObjectType } from 'type-graphql';
import { SightingBasis } from './sighting.enums';

@ObjectType('Sighting', { description: 'Another record, of another agency, sharing something with this one: by identifier, address, file or text.' })
export class SightingType {
  @Field(() => SightingBasis, { description: 'What is shared.' })
  basis: SightingBasis;

  @Field(() => Float, { description: '1.0 for equal normalised values; between 0 and 1 for similar text.' })
  score: number;
}
