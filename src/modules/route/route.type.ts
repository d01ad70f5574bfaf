import { Field, Int, ObjectType } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { TransportMode } from '../movement/movement.enums';

@ObjectType('RouteLeg', { description: 'One leg of the route goods or people took, in order.' })
export class RouteLegType {
  @Field(() => CountryCodeScalar, { description: 'Country of this leg.' })
  country: string;

  @Field(() => String, { nullable: true, description: 'Place, e.g. a port, a border crossing or a warehouse town.' })
  place: string | null;

  @Field(() => TransportMode, { description: 'How this leg was travelled.' })
  mode: TransportMode;
}

@ObjectType('Corridor', { description: 'A country-to-country flow seen in movements and recorded routes.' })
export class CorridorType {
  @Field(() => CountryCodeScalar, { description: 'Where the flow left.' })
  fromCountry: string;

  @Field(() => CountryCodeScalar, { description: 'Where the flow arrived.' })
  toCountry: string;

  @Field(() => Int, { description: 'Readable movements from the one country to the other.' })
  movements: number;

  @Field(() => Int, { description: 'Readable seizures whose recorded route has this leg.' })
  seizures: number;

  @Field(() => [TransportMode], { description: 'Transport modes seen on this corridor, sorted.' })
  modes: TransportMode[];
}
