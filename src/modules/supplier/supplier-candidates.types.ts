import { Field, Float, InputType, ObjectType } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import type { SupplierEntity } from './supplier.entity';
import { PartyIdentifierInput } from './supplier.inputs';
import { SupplierType } from './supplier.type';

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

@ObjectType('SupplierCandidate', { description: 'A supplier that may be the same party, with how likely and why.' })
export class SupplierCandidateType {
  @Field(() => SupplierType, { description: 'The supplier.' })
  supplier: SupplierEntity;

  @Field(() => Float, { description: 'From 0 to 1: name similarity, raised by shared identifiers, lowered by a different country.' })
  score: number;

  @Field(() => [String], { description: 'Why, in words: "same VAT number BG204817339", "same name after folding legal forms".' })
  reasons: string[];
}
