import { Field, ObjectType } from 'type-graphql';
import { Node } from '../../graphql/relay/node';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { HandlingCode } from '../../shared/handling';
import { PaymentMethod } from './payment.enums';

// Fields resolved from the entity's properties of the same name; the rest are field resolvers.
@ObjectType('Payment', { implements: Node, description: 'A payment between parties of the trade: from a payer, through money brokers in order, to a payee.' })
export class PaymentType extends Node {
  @Field(() => HandlingCode, { description: 'Who may read it (TLP 2.0).' })
  handling: HandlingCode;

  @Field(() => PaymentMethod, { description: 'How it was paid.' })
  method: PaymentMethod;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was paid.' })
  paidAt: Date | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country the money left.' })
  fromCountry: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country the money reached.' })
  toCountry: string | null;

  @Field(() => String, { nullable: true, description: 'Transfer code or transaction id, as recorded.' })
  reference: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded in the registry.' })
  recordedAt: Date;
}
