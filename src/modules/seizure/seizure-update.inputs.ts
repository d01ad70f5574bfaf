import { Field, ID, InputType, Int } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { HandlingCode } from '../../shared/handling';
import { LocationInput } from './seizure.inputs';

@InputType({ description: 'An amendment of a seizure by its own agency; fields left out keep their value.' })
export class SeizureUpdateInput {
  @Field(() => ID, { description: 'The seizure to amend.' })
  id: string;

  @Field(() => Int, { description: 'The version the amendment was made against; a stale one is refused with CONFLICT.' })
  version: number;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the goods were seized; not more than 5 minutes in the future.' })
  seizedAt?: Date | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Where it was seized.' })
  jurisdiction?: string | null;

  @Field(() => LocationInput, { nullable: true, description: 'Where it was seized (replaces the whole location).' })
  location?: LocationInput | null;

  @Field(() => HandlingCode, { nullable: true, description: 'Who may read it (TLP 2.0); applies to its items too.' })
  handling?: HandlingCode | null;

  @Field(() => [String], { nullable: true, description: 'Codes of registered agencies that may also read it; only with TLP_AMBER. Replaces the list.' })
  sharedWith?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Case notes, at most 10,000 characters (replaces them).' })
  notes?: string | null;
}
