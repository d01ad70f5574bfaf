import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { HandlingCode } from '../../shared/handling';
import { SupplierRole } from './supplier.enums';

@ObjectType('PartyIdentifier', { description: 'An identifier of a party: VAT, COMPANY_REG, PHONE, EMAIL, WEBSITE, SOCIAL_HANDLE, IBAN, CRYPTO_WALLET, HAWALA_CODE or OTHER.' })
export class PartyIdentifierType {
  @Field({ description: 'The scheme: VAT, COMPANY_REG, PHONE, EMAIL, WEBSITE, SOCIAL_HANDLE, IBAN, CRYPTO_WALLET, HAWALA_CODE or OTHER.' })
  scheme: string;

  @Field({ description: 'The value as recorded.' })
  value: string;

  @Field({ description: 'The value normalised for comparison (VAT without separators, phone in E.164, host name...).' })
  normalised: string;
}

// Fields resolved from the entity's properties of the same name; the rest are field resolvers.
@ObjectType('Supplier', { implements: Node, description: 'A party in the supply chain, as one agency recorded it.' })
export class SupplierType extends Node {
  @Field(() => HandlingCode, { description: 'Who may read it (TLP 2.0).' })
  handling: HandlingCode;

  @Field({ description: 'Name as recorded.' })
  name: string;

  @Field(() => [String], { description: 'Other names it trades or is known under.' })
  aliases: string[];

  @Field(() => SupplierRole, { description: 'What it does in the chain.' })
  role: SupplierRole;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country where it is established.' })
  country: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded in the registry.' })
  recordedAt: Date;
}
