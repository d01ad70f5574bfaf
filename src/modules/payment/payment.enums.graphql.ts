import type { EnumDeclaration } from '../registry-module';
import { PaymentMethod, TrailDirection } from './payment.enums';

/** This module's GraphQL enums, with their descriptions. */
export const PAYMENT_ENUMS: EnumDeclaration[] = [
  {
    type: PaymentMethod,
    name: 'PaymentMethod',
    description: 'How a payment was made.',
    valuesConfig: {
      HAWALA: { description: 'Through hawaladars: cash handed to one broker, paid out by another against a code.' },
      MONEY_TRANSFER: { description: 'Through a money-transfer business.' },
      BANK_TRANSFER: { description: 'From one bank account to another.' },
      CASH: { description: 'Cash in hand.' },
      CRYPTO: { description: 'In a crypto-asset, from wallet to wallet.' },
      CARD: { description: 'By payment card.' },
      OTHER: { description: 'Some other way.' },
      UNKNOWN: { description: 'Not known.' },
    },
  },
  {
    type: TrailDirection,
    name: 'TrailDirection',
    description: 'Which way a money trail walks from its party.',
    valuesConfig: {
      FOLLOW_MONEY: { description: 'Where the party\'s money went: through the brokers of the payments it made, to their payees, and on.' },
      TOWARDS_PAYERS: { description: 'Where the party\'s money came from: back through the brokers of the payments it received or passed on, to their payers, and on.' },
    },
  },
];
