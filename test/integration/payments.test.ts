// Payments through HTTP: recording with every field and refusal, what each agency may read on
// every path (node, payment, payments and totalCount, a supplier's payments, nested fields), the
// client key, sightings of references, and the audit trail.
import { Role } from '../../src/auth/roles';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeMovement } from '../factories/movement.factory';
import { makePayment, PAYMENT_FIELDS, recordPayment } from '../factories/payment.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let german: TestAgency;
let british: TestAgency;
let token: string;
let buyer: { id: string; name: string };
let brokerDE: { id: string; name: string };
let brokerIQ: { id: string; name: string };
let seller: { id: string; name: string };
let seizureId: string;
let movementId: string;

const NO_SUCH_SUPPLIER = toGlobalId('Supplier', '00000000-0000-4000-8000-000000000000');
const countPayments = async () => (await app.query('SELECT count(*)::int AS n FROM payment'))[0].n;

beforeAll(async () => {
  app = await TestApp.start();
  german = await makeAgency(app, { jurisdiction: 'DE' });
  british = await makeAgency(app, { jurisdiction: 'GB' });
  token = await german.token([Role.OFFICER, Role.ANALYST]);
  buyer = await makeSupplier(app, token, { name: 'Hawre Crossing Organisers', role: 'BUYER', country: 'IQ' });
  brokerDE = await makeSupplier(app, token, { name: 'Sarraf Geldtransfer Essen', role: 'MONEY_BROKER', country: 'DE' });
  brokerIQ = await makeSupplier(app, token, { name: 'Dijla Exchange Office', role: 'MONEY_BROKER', country: 'IQ' });
  seller = await makeSupplier(app, token, { name: 'Wellenreiter Motoren Online', role: 'ONLINE_SELLER', country: 'DE' });
  seizureId = (await makeSeizure(app, token, { items: [{ kind: 'ENGINE', serialNumber: 'PAY-ENG-1' }] })).id;
  movementId = await makeMovement(app, token, seller, buyer, { mode: 'ROAD' });
});
afterAll(() => app.stop());

describe('paymentRecord', () => {
  it('stores a payment through its brokers in order, with the amount exact and what it paid for', async () => {
    const payload = await recordPayment(app, token, {
      payerId: buyer.id, brokerIds: [brokerDE.id, brokerIQ.id], payeeId: seller.id, method: 'HAWALA',
      amount: { amount: '12500.5', currency: 'eur' }, paidAt: '2025-03-02T10:00:00Z', fromCountry: 'DE', toCountry: 'IQ',
      reference: ' hw-4471/k ', seizureIds: [seizureId], movementIds: [movementId],
    });
    expect(payload.userErrors).toEqual([]);
    expect(payload.payment).toMatchObject({
      method: 'HAWALA', amount: { amount: '12500.50', currency: 'EUR' }, paidAt: '2025-03-02T10:00:00.000Z', fromCountry: 'DE', toCountry: 'IQ',
      reference: 'hw-4471/k', payer: { name: buyer.name }, payee: { name: seller.name },
      brokers: [{ name: brokerDE.name }, { name: brokerIQ.name }],
      paidFor: { seizures: [{ id: seizureId }], movements: [{ id: movementId }] },
      handling: 'TLP_GREEN', recordedBy: { code: german.code }, sharedWith: [],
    });
    const [row] = await app.query(`SELECT amount::text, currency, broker_count, reference_key FROM payment WHERE reference = 'hw-4471/k'`);
    expect(row).toEqual({ amount: '12500.5', currency: 'EUR', broker_count: 2, reference_key: 'HW4471K' });
    const chain = await app.query(`SELECT c.position, s.name FROM payment_party c JOIN payment p ON p.id = c.payment_id JOIN supplier s ON s.id = c.supplier_id
      WHERE p.reference = 'hw-4471/k' ORDER BY 1`);
    expect(chain).toEqual([buyer, brokerDE, brokerIQ, seller].map(({ name }, position) => ({ position, name })));
  });

  it.each([
    ['12.5', 'EUR', '12.50'],
    ['1250', 'JPY', '1250'],
    ['3.125', 'KWD', '3.125'],
    ['007.10', 'GBP', '7.10'],
  ])('answers %s %s with the currency\'s minor-unit digits: %s', async (amount, currency, answered) => {
    const payload = await recordPayment(app, token, { payerId: buyer.id, amount: { amount, currency } });
    expect(payload.payment.amount).toEqual({ amount: answered, currency });
  });

  const refusals: Array<[string, () => Record<string, unknown>, string, string[]]> = [
    ['an exponent', () => ({ amount: { amount: '1e3', currency: 'EUR' } }), 'INVALID_INPUT', ['input', 'amount', 'amount']],
    ['a negative amount', () => ({ amount: { amount: '-5', currency: 'EUR' } }), 'INVALID_INPUT', ['input', 'amount', 'amount']],
    ['a zero amount', () => ({ amount: { amount: '0.00', currency: 'EUR' } }), 'INVALID_INPUT', ['input', 'amount', 'amount']],
    ['more digits than the currency has', () => ({ amount: { amount: '12.345', currency: 'EUR' } }), 'INVALID_INPUT', ['input', 'amount', 'amount']],
    ['a fraction of yen', () => ({ amount: { amount: '100.5', currency: 'JPY' } }), 'INVALID_INPUT', ['input', 'amount', 'amount']],
    ['a thousands separator', () => ({ amount: { amount: '1,250.00', currency: 'EUR' } }), 'INVALID_INPUT', ['input', 'amount', 'amount']],
    ['an unknown currency', () => ({ amount: { amount: '10', currency: 'EUX' } }), 'INVALID_INPUT', ['input', 'amount', 'currency']],
    ['a code that is no currency (gold)', () => ({ amount: { amount: '10', currency: 'XAU' } }), 'INVALID_INPUT', ['input', 'amount', 'currency']],
    ['a payer that does not exist', () => ({ payerId: NO_SUCH_SUPPLIER }), 'NOT_FOUND', ['input', 'payerId']],
    ['an id of another type as payee', () => ({ payeeId: seizureId }), 'NOT_FOUND', ['input', 'payeeId']],
    ['a broker that does not exist', () => ({ payerId: buyer.id, brokerIds: [brokerDE.id, 'garbage'] }), 'NOT_FOUND', ['input', 'brokerIds', '1']],
    ['the payer again as payee', () => ({ payerId: buyer.id, payeeId: buyer.id }), 'INVALID_INPUT', ['input', 'payeeId']],
    ['a broker twice', () => ({ brokerIds: [brokerDE.id, brokerDE.id] }), 'INVALID_INPUT', ['input', 'brokerIds', '1']],
    ['eleven brokers', () => ({ brokerIds: Array(11).fill(brokerDE.id) }), 'INVALID_INPUT', ['input', 'brokerIds']],
    ['a seizure that does not exist', () => ({ seizureIds: [seizureId, 'garbage'] }), 'NOT_FOUND', ['input', 'seizureIds', '1']],
    ['a movement that does not exist', () => ({ movementIds: ['garbage'] }), 'NOT_FOUND', ['input', 'movementIds', '0']],
    ['a time in the future', () => ({ paidAt: new Date(Date.now() + 3_600_000).toISOString() }), 'INVALID_INPUT', ['input', 'paidAt']],
    ['a reference over 64 characters', () => ({ reference: 'R'.repeat(65) }), 'INVALID_INPUT', ['input', 'reference']],
    ['sharedWith without TLP_AMBER', () => ({ sharedWith: [british.code] }), 'INVALID_INPUT', ['input', 'sharedWith']],
  ];

  it.each(refusals)('refuses %s, naming the field, and stores nothing', async (_name, input, code, field) => {
    const before = await countPayments();
    const payload = await recordPayment(app, token, input());
    expect(payload.payment).toBeNull();
    expect(payload.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    expect(await countPayments()).toBe(before);
  });

  it('answers NOT_FOUND for a party, seizure or movement the caller may not read', async () => {
    const other = await makeAgency(app);
    const otherToken = await other.token();
    const secret = await makeSupplier(app, otherToken, { handling: 'TLP_AMBER_STRICT' });
    const hiddenSeizure = (await makeSeizure(app, otherToken, { handling: 'TLP_AMBER_STRICT', items: [{ kind: 'PUMP' }] })).id;
    const payload = await recordPayment(app, token, { payerId: buyer.id, brokerIds: [secret.id], seizureIds: [hiddenSeizure] });
    expect(payload.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'brokerIds', '0'] }),
      expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'seizureIds', '0'] }),
    ]);
  });

  it('stores one payment for a client key, however often it is sent', async () => {
    const input = { payerId: buyer.id, payeeId: seller.id, amount: { amount: '900', currency: 'USD' }, clientKey: `receipt-${Date.now()}` };
    const first = await recordPayment(app, token, input);
    const again = await recordPayment(app, token, input);
    expect(again.payment).toEqual(first.payment);
    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE_REFERENCE', field: ['input', 'clientKey'] })]);
    expect((await app.query('SELECT count(*)::int AS n FROM payment WHERE client_key = $1', [input.clientKey]))[0].n).toBe(1);
  });

  it('is refused to an AUDITOR, and audited for those who may', async () => {
    const auditor = await german.token([Role.AUDITOR]);
    const res = await app.graphql(auditor, `mutation { paymentRecord(input: { method: CASH }) { userErrors { code } } }`);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const officer = await german.token([Role.OFFICER], 'officer.receipts');
    const id = await makePayment(app, officer, buyer, [], seller, { method: 'CASH' });
    const events = await app.query(`SELECT operation, outcome, entity_ids FROM audit_event WHERE actor = 'officer.receipts'`);
    expect(events).toEqual([{ operation: 'paymentRecord', outcome: 'SUCCESS', entity_ids: expect.arrayContaining([id]) }]);
  });
});

describe('what each agency may read of a payment', () => {
  let partner: TestAgency;
  let outsider: TestAgency;

  beforeAll(async () => {
    partner = await makeAgency(app, { jurisdiction: 'FR' });
    outsider = await makeAgency(app, { jurisdiction: 'BE' });
  });

  const READ = `query ($id: ID!, $party: ID!) {
    payment(id: $id) { id }
    node(id: $id) { id }
    payments(filter: { partyId: $party }) { totalCount nodes { id } }
    supplier(id: $party) { paymentsMade { totalCount nodes { id } } paymentsReceived { totalCount nodes { id } } }
  }`;

  it.each([
    ['TLP_GREEN', { partner: true, outsider: true }],
    ['TLP_AMBER', { partner: true, outsider: false }],
    ['TLP_AMBER_STRICT', { partner: false, outsider: false }],
    ['TLP_RED', { partner: false, outsider: false }],
  ])('%s: on every read path, exactly the agencies that may', async (handling, may) => {
    const payer = await makeSupplier(app, token, { name: `Payer ${handling}` });
    const payee = await makeSupplier(app, token, { name: `Payee ${handling}` });
    const id = await makePayment(app, token, payer, [brokerDE], payee, { handling, sharedWith: handling === 'TLP_AMBER' ? [partner.code] : undefined });
    for (const [who, agency] of [['partner', partner], ['outsider', outsider]] as const) {
      for (const party of [payer, brokerDE, payee]) {
        const res = await app.graphql(await agency.token(), READ, { id, party: party.id });
        const data = res.body.data;
        const seen = may[who] ? 1 : 0;
        expect(data.payment).toEqual(may[who] ? { id } : null);
        expect(data.node).toEqual(may[who] ? { id } : null);
        expect(data.payments.nodes.filter((p: any) => p.id === id)).toHaveLength(seen);
        const asParty = party === payer ? data.supplier.paymentsMade : data.supplier.paymentsReceived;
        expect(asParty.nodes.filter((p: any) => p.id === id)).toHaveLength(seen);
      }
    }
    // The owner's officer reads it whatever its handling (TLP_RED: only who recorded it, as here).
    const mine = await app.graphql(token, READ, { id, party: payee.id });
    expect(mine.body.data.payment).toEqual({ id });
    expect(mine.body.data.supplier.paymentsReceived).toEqual({ totalCount: 1, nodes: [{ id }] });
  });

  it('hides a party, a broker and what it paid for that the reader may not see, and keeps the rest', async () => {
    const secretBroker = await makeSupplier(app, token, { name: 'Hidden Exchange', handling: 'TLP_AMBER_STRICT' });
    const secretSeizure = (await makeSeizure(app, token, { handling: 'TLP_AMBER_STRICT', items: [{ kind: 'PUMP' }] })).id;
    const id = await makePayment(app, token, buyer, [brokerDE, secretBroker], seller, { seizureIds: [seizureId, secretSeizure] });
    const res = await app.graphql(await partner.token(), `query ($id: ID!) { payment(id: $id) { ${PAYMENT_FIELDS} } }`, { id });
    expect(res.body.data.payment).toMatchObject({ brokers: [{ name: brokerDE.name }], paidFor: { seizures: [{ id: seizureId }] }, payee: { name: seller.name } });
  });
});

describe('payments(filter)', () => {
  it('filters by method, party (payer, payee or broker), time paid and reference written any way, newest first, paged', async () => {
    const payer = await makeSupplier(app, token, { name: 'Filter Payer' });
    const payee = await makeSupplier(app, token, { name: 'Filter Payee' });
    const a = await makePayment(app, token, payer, [brokerIQ], payee, { method: 'HAWALA', paidAt: '2025-01-10T00:00:00Z', reference: 'QK-7781' });
    const b = await makePayment(app, token, payer, [], payee, { method: 'CASH', paidAt: '2025-02-10T00:00:00Z' });
    const c = await makePayment(app, token, payee, [], payer, { method: 'HAWALA', paidAt: '2025-03-10T00:00:00Z' });
    const list = async (filter: Record<string, unknown>, first = 10) => {
      const res = await app.graphql(token, `query ($filter: PaymentFilter, $first: Int) { payments(filter: $filter, first: $first) {
        totalCount pageInfo { hasNextPage } nodes { id } } }`, { filter, first });
      expect(res.body.errors).toBeUndefined();
      return res.body.data.payments;
    };
    expect(await list({ partyId: payer.id })).toEqual({ totalCount: 3, pageInfo: { hasNextPage: false }, nodes: [{ id: c }, { id: b }, { id: a }] });
    expect(await list({ partyId: payer.id }, 1)).toEqual({ totalCount: 3, pageInfo: { hasNextPage: true }, nodes: [{ id: c }] });
    expect((await list({ partyId: payer.id, method: ['HAWALA'] })).nodes).toEqual([{ id: c }, { id: a }]);
    expect((await list({ partyId: payer.id, paidFrom: '2025-02-01T00:00:00Z', paidTo: '2025-03-01T00:00:00Z' })).nodes).toEqual([{ id: b }]);
    expect((await list({ reference: 'qk 7781' })).nodes).toEqual([{ id: a }]);
    expect((await list({ partyId: NO_SUCH_SUPPLIER })).totalCount).toBe(0);
    const bad = await app.graphql(token, `{ payments(filter: { reference: "--" }) { totalCount } }`);
    expect(bad.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'filter' });
  });
});

describe('sightings of payments', () => {
  const SIGHTINGS = `query ($id: ID!) { payment(id: $id) { sightings { basis identifier { scheme normalised } record { id ... on Payment { reference } ... on Supplier { name } } restricted { agency { code } handling } } } }`;

  it('finds the same hawala code on two agencies\' payments, and on a supplier\'s identifiers, both ways', async () => {
    const code = `HX${Date.now() % 1_000_000}`;
    const britishToken = await british.token();
    const theirs = await makePayment(app, britishToken, null, [], null, { reference: `${code.slice(0, 3)}-${code.slice(3)}` });
    const broker = await makeSupplier(app, britishToken, { role: 'MONEY_BROKER', identifiers: [{ scheme: 'HAWALA_CODE', value: code.toLowerCase() }] });
    const hidden = await makePayment(app, britishToken, null, [], null, { reference: code, handling: 'TLP_AMBER_STRICT' });
    await makePayment(app, britishToken, null, [], null, { reference: code, handling: 'TLP_RED' });
    const mine = await makePayment(app, token, null, [], null, { reference: ` ${code} ` });

    const res = await app.graphql(token, SIGHTINGS, { id: mine });
    expect(res.body.errors).toBeUndefined();
    const sightings = res.body.data.payment.sightings;
    expect(sightings).toHaveLength(3);
    expect(sightings).toEqual(expect.arrayContaining([
      { basis: 'SAME_IDENTIFIER', identifier: { scheme: 'HAWALA_CODE', normalised: code }, record: { id: theirs, reference: `${code.slice(0, 3)}-${code.slice(3)}` }, restricted: null },
      { basis: 'SAME_IDENTIFIER', identifier: { scheme: 'HAWALA_CODE', normalised: code }, record: { id: broker.id, name: broker.name }, restricted: null },
      { basis: 'SAME_IDENTIFIER', identifier: null, record: null, restricted: { agency: { code: british.code }, handling: 'TLP_AMBER_STRICT' } },
    ]));
    // Both ways: the British payment sees the German one.
    const back = await app.graphql(britishToken, SIGHTINGS, { id: theirs });
    expect(back.body.data.payment.sightings.map((s: any) => s.record?.id)).toEqual([mine]);
    const lookup = await app.graphql(token, `query ($value: String!) { sightings(identifier: { scheme: "HAWALA_CODE", value: $value }) { record { id } restricted { handling } } }`, { value: code });
    expect(lookup.body.data.sightings.map((s: any) => s.record?.id ?? s.restricted.handling).sort())
      .toEqual([mine, theirs, broker.id, 'TLP_AMBER_STRICT'].sort());
    expect(hidden).toBeDefined();
  });
});
