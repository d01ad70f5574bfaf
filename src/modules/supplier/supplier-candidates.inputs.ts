import { Field, InputType } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { PartyIdentifierInput } from './supplier.inputs';

@InputType({ description: 'A party as written on some evidence: who in the registry could it be?' })
export class SupplierCandidatesInput {
  @Field({ description: 'The name as written.' })
  name: string;

  @Field(() => [String], { nullable: true, description: 'Other names it goes by (at most 10 are compared).' })
  aliases?: string[] | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Its country, if known.' })
  country?: string | null;

  @Field(() => [PartyIdentifierInput], { nullable: true, description: 'Identifiers written on the evidence: VAT, phone, e-mail, website...' })
  identifiers?: PartyIdentifierInput[] | null;
}
