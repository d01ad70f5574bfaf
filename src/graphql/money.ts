import { Field, InputType, ObjectType } from 'type-graphql';

@ObjectType('Money', { description: 'An amount in one currency: never summed with another.' })
export class MoneyType {
  @Field({ description: 'A decimal string with the currency\'s minor-unit digits (1250.50 EUR, 1250 JPY), exact.' })
  amount: string;

  @Field({ description: 'ISO 4217 code.' })
  currency: string;
}

@InputType({ description: 'An amount in one currency.' })
export class MoneyInput {
  @Field({ description: 'A positive decimal string: digits and at most one point, no sign or exponent, at most the currency\'s minor-unit digits after the point (12.5 EUR, not 12.345 EUR). Compared as a number: 1250.50 equals 1250.5.' })
  amount: string;

  @Field({ description: 'An assigned ISO 4217 code, such as EUR, GBP, IQD, JPY.' })
  currency: string;
}
