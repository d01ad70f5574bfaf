import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors/user-error';
import type { PaymentEntity } from './payment.entity';
import { PaymentType } from './payment.type';

@ObjectType({ description: 'Result of paymentRecord.' })
export class PaymentRecordPayload {
  @Field(() => PaymentType, { nullable: true, description: 'The payment recorded; null when refused.' })
  payment: PaymentEntity | null;

  @Field(() => [UserError], { description: 'Why the input was refused; empty on success.' })
  userErrors: UserError[];
}
