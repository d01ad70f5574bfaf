import { HandlingCode } from '../../src/shared/handling';
import { PaymentMethod } from '../../src/modules/payment/payment.enums';
import { identifierKey } from '../../src/modules/supplier/party-identifiers';
import { searchText } from '../../src/modules/supplier/supplier-name';
import { IdentifierScheme, SupplierRole } from '../../src/modules/supplier/supplier.enums';
import type { Scale } from '../scales';
import { AgencyPicker, type BenchAgency } from './agencies';
import { inventedWord } from './names';
import { phone } from './party-identifiers';
import type { Random } from './random';
import type { SupplierNetwork } from './supplier-network';
import type { DatasetTables } from './tables';

const FIRST_PAYMENT = new Date('2018-01-01T00:00:00Z');
const LAST_PAYMENT = new Date('2025-10-15T00:00:00Z');
const PAYMENT_HANDLING: Record<HandlingCode, number> = { TLP_CLEAR: 2, TLP_GREEN: 80, TLP_AMBER: 10, TLP_AMBER_STRICT: 6, TLP_RED: 2 };
/** Where the brokers of the crossings' money sit, and the network's buyers. */
const BROKER_COUNTRIES = { IQ: 30, DE: 20, TR: 15, GB: 15, BE: 8, FR: 7, NL: 5 };
const BUYER_COUNTRIES = { FR: 30, BE: 20, DE: 20, GB: 15, NL: 15 };
const BROKER_NAMES = ['Exchange', 'Money Transfer', 'Geldtransfer', 'Sarrafi', 'Reise und Cargo', 'Remittance'];
const CURRENCY_OF: Record<string, string> = { GB: 'GBP', PL: 'PLN', TR: 'TRY', CN: 'USD', IQ: 'USD', BG: 'EUR' };
const BROKERS_PER_CIRCLE = 8;
/** Of every payment, the hawala ones: a buyer's cash through brokers to a seller. */
const HAWALA_SHARE = 0.25;

export interface MoneyParties {
  brokers: number;
  buyers: number;
}

/** Brokers and buyers beside the trade networks: one broker per 40 suppliers, one buyer per 20. */
export function moneyPartiesOf(scale: Scale): MoneyParties {
  return { brokers: Math.max(4, Math.round(scale.suppliers / 40)), buyers: Math.max(8, Math.round(scale.suppliers / 20)) };
}

interface Party {
  id: string;
  country: string;
}

/**
 * Money brokers and buyers (suppliers outside the trade networks, each with a phone or two, a
 * broker with its hawala code too), then `scale.payments` payments: three in four pay for trade
 * (the receiver of a trade link pays its sender, by bank or money transfer, no broker), one in
 * four is hawala (a buyer, now and then a seller, pays a seller of the last levels through one to
 * three brokers of a circle, a code as reference). So following the money from a buyer climbs the
 * trade networks towards the makers, and the way back from a seller meets the other customers of
 * its brokers' circle, and of the circles they paid through now and then.
 */
export function generatePayments(random: Random, scale: Scale, agencies: BenchAgency[], network: SupplierNetwork, tables: DatasetTables): number {
  const picker = new AgencyPicker(agencies);
  const counts = moneyPartiesOf(scale);
  const brokers = Array.from({ length: counts.brokers }, () => addParty(random, picker, tables, SupplierRole.MONEY_BROKER, random.weighted(BROKER_COUNTRIES)));
  const buyers = Array.from({ length: counts.buyers }, () => addParty(random, picker, tables, SupplierRole.BUYER, random.weighted(BUYER_COUNTRIES)));
  // Brokers work in circles (a few in Europe settling with partners in Iraq or Turkey); a buyer
  // pays through its own circle, a seller is paid through one, now and then through another.
  const circles = Array.from({ length: Math.ceil(brokers.length / BROKERS_PER_CIRCLE) }, (_, c) => brokers.slice(c * BROKERS_PER_CIRCLE, (c + 1) * BROKERS_PER_CIRCLE));
  const circleOf = new Map<string, number>();
  const sellersOf: Party[][] = circles.map(() => []);
  const sellers = network.suppliers.filter((s) => s.level >= 7);
  for (const seller of sellers) {
    const circle = random.int(0, circles.length - 1);
    circleOf.set(seller.id, circle);
    sellersOf[circle].push(seller);
  }
  for (const buyer of buyers) circleOf.set(buyer.id, random.int(0, circles.length - 1));
  const withSellers = sellersOf.flatMap((list, circle) => (list.length > 0 ? [circle] : []));
  const buyersAndSellers = [...buyers, ...sellers];
  for (let n = 0; n < scale.payments; n++) {
    if (random.chance(HAWALA_SHARE)) {
      const payer = random.chance(0.8) ? random.pick(buyers) : random.pick(buyersAndSellers);
      const own = circleOf.get(payer.id)!;
      const circle = random.chance(0.9) && sellersOf[own].length > 0 ? own : random.pick(withSellers);
      let payee = random.pick(sellersOf[circle]);
      while (payee.id === payer.id) payee = random.pick(sellersOf[random.pick(withSellers)]);
      const chain = random.sample(circles[circle], Number(random.weighted({ 1: 40, 2: 45, 3: 15 })));
      addPayment(random, picker, agencies, tables, {
        chain: [payer, ...chain, payee], method: PaymentMethod.HAWALA, currency: random.chance(0.8) ? 'EUR' : 'GBP',
        amount: random.int(800, 30_000), reference: random.chance(0.9) ? `${random.letters(3)}-${random.digits(4)}-${random.letters(1)}${random.digits(1)}` : null,
      });
    } else {
      const [senderIndex, receiverIndex] = random.pick(network.links);
      const payer = network.suppliers[receiverIndex];
      const payee = network.suppliers[senderIndex];
      addPayment(random, picker, agencies, tables, {
        chain: [payer, payee], method: random.chance(0.88) ? PaymentMethod.BANK_TRANSFER : PaymentMethod.MONEY_TRANSFER,
        currency: random.chance(0.7) ? 'EUR' : (CURRENCY_OF[payer.country] ?? 'EUR'), amount: random.int(500, 250_000),
        reference: random.chance(0.6) ? `TRX${random.digits(12)}` : null,
      });
    }
  }
  return tables.payment.rows;
}

function addParty(random: Random, picker: AgencyPicker, tables: DatasetTables, role: SupplierRole, country: string): Party {
  const id = random.uuid();
  const agency = picker.ofCountry(random, country);
  const brand = inventedWord(random);
  const name = role === SupplierRole.MONEY_BROKER ? `${brand} ${random.pick(BROKER_NAMES)}` : `${brand} ${inventedWord(random)}`;
  const recordedAt = random.dateBetween(FIRST_PAYMENT, LAST_PAYMENT);
  tables.supplier.add([id, agency.id, name, [], role, country, searchText(name, []), HandlingCode.TLP_GREEN, [], `analyst.${agency.code.toLowerCase()}.1`, recordedAt]);
  const identifiers: Array<[IdentifierScheme, string]> = [[IdentifierScheme.PHONE, phone(random, country)]];
  if (random.chance(0.4)) identifiers.push([IdentifierScheme.PHONE, phone(random, country)]);
  if (role === SupplierRole.MONEY_BROKER) identifiers.push([IdentifierScheme.HAWALA_CODE, `${brand.slice(0, 3).toUpperCase()}-${random.digits(4)}`]);
  identifiers.forEach(([scheme, value], i) => {
    const key = identifierKey(scheme, value, country);
    if (!key.ok) throw new Error(`generated ${scheme} '${value}' is not valid: ${key.message}`);
    tables.supplier_identifier.add([id, i + 1, agency.id, scheme, value, key.key]);
  });
  return { id, country };
}

function addPayment(
  random: Random, picker: AgencyPicker, agencies: BenchAgency[], tables: DatasetTables,
  p: { chain: Party[]; method: PaymentMethod; currency: string; amount: number; reference: string | null },
): void {
  const payer = p.chain[0];
  const payee = p.chain[p.chain.length - 1];
  const agency = picker.ofCountry(random, random.chance(0.5) ? payer.country : payee.country);
  const handling = random.weighted(PAYMENT_HANDLING);
  const sharedWith = handling === HandlingCode.TLP_AMBER ? random.sample(agencies, random.int(1, 2)).map((a) => a.id).filter((id) => id !== agency.id) : [];
  const paidAt = random.dateBetween(FIRST_PAYMENT, LAST_PAYMENT);
  const referenceKey = p.reference === null ? null : identifierKey(IdentifierScheme.HAWALA_CODE, p.reference, null);
  const id = random.uuid();
  tables.payment.add([
    id, agency.id, payer.id, payee.id, p.chain.length - 2, p.method, `${p.amount}.00`, p.currency, paidAt, payer.country, payee.country,
    p.reference, referenceKey?.ok ? referenceKey.key : null, handling, sharedWith, `analyst.${agency.code.toLowerCase()}.${random.int(1, 40)}`,
    new Date(paidAt.getTime() + random.int(1, 120) * 86_400_000),
  ]);
  p.chain.forEach((party, position) => tables.payment_party.add([id, position, party.id, agency.id]));
}
