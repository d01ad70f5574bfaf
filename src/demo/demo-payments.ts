import { HandlingCode } from '../shared/handling';
import { PaymentMethod } from '../modules/payment/payment.enums';

// The money behind the Kent engines, every party invented: the network's buyer in Germany hands
// cash to a broker in Germany, whose partner in Iraq settles with the German online seller's
// agent there; a receipt with the broker's code is found in the van in Kent, so the UK records
// the payment. The seller had paid its Dutch importer for the engines by bank transfer.

export interface DemoPayment {
  /** The agency that recorded it; its clientKey makes seeding idempotent. */
  agency: string;
  clientKey: string;
  /** Keys of demo suppliers (demo-provenance.ts). */
  payer: string;
  brokers: string[];
  payee: string;
  method: PaymentMethod;
  amount: { amount: string; currency: string };
  paidAt: string;
  fromCountry: string;
  toCountry: string;
  reference?: string;
  /** References of the recording agency's seizures it paid for. */
  seizures?: string[];
  /** Document references of movements it paid for. */
  movements?: string[];
  handling?: HandlingCode;
}

export const demoPayments: DemoPayment[] = [
  {
    agency: 'GB-BF', clientKey: 'demo-receipt-kent-0093', payer: 'sarbast', brokers: ['dijla', 'rawand'], payee: 'rheinhafen',
    method: PaymentMethod.HAWALA, amount: { amount: '4800', currency: 'EUR' }, paidAt: '2025-04-28T15:30:00+02:00',
    fromCountry: 'DE', toCountry: 'IQ', reference: 'DJL 3390 K7', seizures: ['GB-KENT-2025-0093'],
  },
  {
    agency: 'DE-BPOL', clientKey: 'demo-transfer-vw-311', payer: 'rheinhafen', brokers: [], payee: 'vaartwerk',
    method: PaymentMethod.BANK_TRANSFER, amount: { amount: '14400', currency: 'EUR' }, paidAt: '2025-03-04T11:00:00+01:00',
    fromCountry: 'DE', toCountry: 'NL', reference: 'VW-2025-311', movements: ['INV-VW-2025-311'],
  },
];
