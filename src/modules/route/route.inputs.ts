import { Field, InputType } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { ItemKind } from '../item/item.enums';
import { TransportMode } from '../movement/movement.enums';

@InputType({ description: 'One leg of the route goods or people took.' })
export class RouteLegInput {
  @Field(() => CountryCodeScalar, { description: 'Country of this leg.' })
  country: string;

  @Field(() => String, { nullable: true, description: 'Place, e.g. a port, a border crossing or a warehouse town; at most 500 characters.' })
  place?: string | null;

  @Field(() => TransportMode, { nullable: true, defaultValue: TransportMode.UNKNOWN, description: 'How this leg was travelled.' })
  mode?: TransportMode | null;
}

@InputType({ description: 'Which flows to aggregate; every field given must hold.' })
export class CorridorFilter {
  @Field(() => DateTimeScalar, { nullable: true, description: 'Movements that occurred, and seizures made, at or after this moment.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Movements that occurred, and seizures made, at or before this moment.' })
  to?: Date | null;

  @Field(() => [ItemKind], { nullable: true, description: 'Only flows carrying items of any of these kinds.' })
  itemKind?: ItemKind[] | null;
}
