import { Field, InputType } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { HandlingCode } from '../../shared/handling';
import { SupplierRole } from './supplier.enums';

@InputType({ description: 'An identifier of a party, as written; validated and normalised by its scheme.' })
export class PartyIdentifierInput {
  @Field({ description: 'VAT, COMPANY_REG, PHONE, EMAIL, WEBSITE, SOCIAL_HANDLE, IBAN, CRYPTO_WALLET, HAWALA_CODE or OTHER (any case).' })
  scheme: string;

  @Field({
    description:
      'The value as written: at most 64 characters (WEBSITE, EMAIL and CRYPTO_WALLET 200). PHONE with + or 00 and the country code, or in national form, read in the supplier\'s country, else the recording agency\'s jurisdiction (in a filter, the caller\'s agency\'s); SOCIAL_HANDLE as platform:handle; CRYPTO_WALLET as chain:address (btc, eth, trx checked); IBAN checked by mod 97.',
  })
  value: string;
}

@InputType({ description: 'A supplier to record for the agency in the caller\'s token.' })
export class SupplierCreateInput {
  @Field({ description: 'Name as written on the evidence, at most 500 characters, with at least one letter or digit.' })
  name: string;

  @Field(() => [String], {
    nullable: true,
    description: 'Other names it trades or is known under: at most 50, each at most 500 characters; repeats (ignoring case and spaces) and blanks are dropped.',
  })
  aliases?: string[] | null;

  @Field(() => SupplierRole, { nullable: true, defaultValue: SupplierRole.UNKNOWN, description: 'What it does in the chain.' })
  role?: SupplierRole | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country where it is established.' })
  country?: string | null;

  @Field(() => [PartyIdentifierInput], {
    nullable: true,
    description: 'Its identifiers (VAT number, phone, e-mail...), at most 20; one repeated under the same scheme and normalised value is kept once.',
  })
  identifiers?: PartyIdentifierInput[] | null;

  @Field(() => HandlingCode, { nullable: true, defaultValue: HandlingCode.TLP_GREEN, description: 'Who may read it (TLP 2.0).' })
  handling?: HandlingCode | null;

  @Field(() => [String], { nullable: true, description: 'Codes of registered agencies that may also read it; only with TLP_AMBER.' })
  sharedWith?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Your own key for this create, at most 64 characters, unique per agency for suppliers: a retry with the same key stores nothing and answers the supplier first recorded with it, with a DUPLICATE_REFERENCE user error on clientKey. Checked before anything else.' })
  clientKey?: string | null;
}

@InputType({ description: 'Which suppliers to list; every field given must hold.' })
export class SupplierFilter {
  @Field(() => String, {
    nullable: true,
    description:
      'Fuzzy search over name and aliases (at most 500 characters), tolerant of case, punctuation, word order, legal forms and small misspellings. ' +
      'Returns only candidates above a threshold, best first: a supplier that shares nothing with the query but generic trade words or legal forms is not one. Blank means no search.',
  })
  search?: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Established in this country.' })
  country?: string | null;

  @Field(() => SupplierRole, { nullable: true, description: 'With this role.' })
  role?: SupplierRole | null;

  @Field(() => [String], { nullable: true, description: 'Recorded by any of these agencies (codes).' })
  agency?: string[] | null;

  @Field(() => PartyIdentifierInput, {
    nullable: true,
    description: 'Holding this identifier, compared in normalised form (e.g. VAT without spaces, phone in E.164).',
  })
  identifier?: PartyIdentifierInput | null;
}

