import { ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection';
import { PaymentType } from './payment.type';

@ObjectType('PaymentConnection', { description: 'A page of payments.' })
export class PaymentConnection extends Connection(PaymentType, 'Payment', 'payments') {}
