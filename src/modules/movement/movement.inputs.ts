import { Field, ID, InputType, Int } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { HandlingCode } from '../../shared/handling';
import { TransportMode } from './movement.enums';

@InputType({ description: 'A custody event: goods passed from a sender to a receiver. Either may be unknown, not both.' })
export class MovementRecordInput {
  @Field(() => ID, { nullable: true, description: 'The sender (a supplier id); omit when unknown.' })
  fromSupplierId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The receiver (a supplier id); omit when the goods went to the end buyer.' })
  toSupplierId?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Seized items this movement is known to have carried (at most 1,000).' })
  itemIds?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the goods were handed over; not in the future.' })
  occurredAt?: Date | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country the goods left.' })
  fromCountry?: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'Country the goods reached.' })
  toCountry?: string | null;

  @Field(() => TransportMode, { nullable: true, defaultValue: TransportMode.UNKNOWN, description: 'How the goods travelled.' })
  mode?: TransportMode | null;

  @Field(() => String, { nullable: true, description: 'Invoice, waybill or tracking number, at most 64 characters.' })
  documentRef?: string | null;

  @Field(() => Int, { nullable: true, description: 'How many units of goods, when known; at least 1.' })
  quantity?: number | null;

  @Field(() => String, { nullable: true, description: 'What the goods were, in words; at most 500 characters.' })
  goodsDescription?: string | null;

  @Field(() => HandlingCode, { nullable: true, defaultValue: HandlingCode.TLP_GREEN, description: 'Who may read it (TLP 2.0).' })
  handling?: HandlingCode | null;

  @Field(() => [String], { nullable: true, description: 'Codes of registered agencies that may also read it; only with TLP_AMBER.' })
  sharedWith?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Your own key for this create, at most 64 characters, unique per agency for movements: a retry with the same key stores nothing and answers the movement first recorded with it, with a DUPLICATE_REFERENCE user error on clientKey. Checked before anything else.' })
  clientKey?: string | null;
}
