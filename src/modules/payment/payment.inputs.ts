import { Field, ID, InputType } from 'type-graphql';
import { MoneyInput } from '../../graphql/money';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { HandlingCode } from '../../shared/handling';
import { PaymentMethod } from './payment.enums';

@InputType({ description: 'A payment between parties of the trade, for the agency in the caller\'s token. Any party may be unknown.' })
export class PaymentRecordInput {
  @Field(() => ID, { nullable: true, description: 'Who paid (a supplier id); omit when unknown.' })
  payerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Who was paid (a supplier id); omit when unknown.' })
  payeeId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'The money brokers it passed through, in order from the payer (supplier ids, at most 10); no party twice in the chain.' })
  brokerIds?: string[] | null;

  @Field(() => PaymentMethod, { nullable: true, defaultValue: PaymentMethod.UNKNOWN, description: 'How it was paid.' })
  method?: PaymentMethod | null;

  @Field(() => MoneyInput, { nullable: true, description: 'How much, when known.' })
  amount?: MoneyInput | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was paid; not in the future.' })
  paidAt?: Date | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country the money left.' })
  fromCountry?: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country the money reached.' })
  toCountry?: string | null;

  @Field(() => String, { nullable: true, description: 'Transfer code, transaction id or receipt number as written, at most 64 characters; compared with other records as a HAWALA_CODE.' })
  reference?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Seizures whose goods it paid for (at most 100; readable by the caller).' })
  seizureIds?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Movements of goods it paid for (at most 100; readable by the caller).' })
  movementIds?: string[] | null;

  @Field(() => HandlingCode, { nullable: true, defaultValue: HandlingCode.TLP_GREEN, description: 'Who may read it (TLP 2.0).' })
  handling?: HandlingCode | null;

  @Field(() => [String], { nullable: true, description: 'Codes of registered agencies that may also read it; only with TLP_AMBER.' })
  sharedWith?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Your own key for this create, at most 64 characters, unique per agency for payments: a retry with the same key stores nothing and answers the payment first recorded with it, with a DUPLICATE_REFERENCE user error on clientKey. Checked before anything else.' })
  clientKey?: string | null;
}

@InputType({ description: 'Which payments; every field given must hold.' })
export class PaymentFilter {
  @Field(() => [PaymentMethod], { nullable: true, description: 'Paid in one of these ways.' })
  method?: PaymentMethod[] | null;

  @Field(() => ID, { nullable: true, description: 'With this party as payer, payee or broker (a supplier merged into another counts as it).' })
  partyId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Paid at or after this time.' })
  paidFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Paid before this time.' })
  paidTo?: Date | null;

  @Field(() => String, { nullable: true, description: 'With this reference, compared as a HAWALA_CODE (letters and digits, any case; other characters ignored).' })
  reference?: string | null;
}
