// moneyTrail through HTTP on a constructed network of payments with known depths and totals:
// both directions, brokers as hops, a cycle, maxDepth and truncation, hidden payments and parties
// as hits (TLP_RED silently), merged parties, and the audit event.
import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makePayment } from '../factories/payment.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

type Party = { id: string; name: string };

let app: TestApp;
let german: TestAgency;
let british: TestAgency;
let token: string;
let britishToken: string;
// buyer --(brokerDE, brokerIQ)--> seller --> agent --> buyer: a cycle of three payments.
let buyer: Party;
let brokerDE: Party;
let brokerIQ: Party;
let seller: Party;
let agent: Party;
let toSeller: string;
let toAgent: string;
let back: string;

const TRAIL = `query ($id: ID!, $direction: TrailDirection, $maxDepth: Int) {
  moneyTrail(partyId: $id, direction: $direction, maxDepth: $maxDepth) {
    nodes { depth supplier { name } }
    edges { depth payment { id } }
    restricted { agency { code } jurisdiction handling }
    truncated
    totals { amount currency }
  }
}`;

async function trail(as: string, party: Party, variables: Record<string, unknown> = {}) {
  const res = await app.graphql(as, TRAIL, { id: party.id, ...variables });
  expect(res.body.errors).toBeUndefined();
  return res.body.data.moneyTrail;
}

const depths = (answer: any) => answer.nodes.map((n: any) => [n.supplier.name, n.depth]);

beforeAll(async () => {
  app = await TestApp.start();
  german = await makeAgency(app, { jurisdiction: 'DE' });
  british = await makeAgency(app, { jurisdiction: 'GB' });
  token = await german.token([Role.OFFICER, Role.ANALYST]);
  britishToken = await british.token([Role.OFFICER, Role.ANALYST]);
  buyer = await makeSupplier(app, token, { name: 'A Buyer Organisers', role: 'BUYER', country: 'IQ' });
  brokerDE = await makeSupplier(app, token, { name: 'B Sarraf Essen', role: 'MONEY_BROKER', country: 'DE' });
  brokerIQ = await makeSupplier(app, token, { name: 'C Dijla Exchange', role: 'MONEY_BROKER', country: 'IQ' });
  seller = await makeSupplier(app, token, { name: 'D Wellenreiter Online', role: 'ONLINE_SELLER', country: 'DE' });
  agent = await makeSupplier(app, token, { name: 'E Seller Agent', role: 'FACILITATOR', country: 'TR' });
  toSeller = await makePayment(app, token, buyer, [brokerDE, brokerIQ], seller, { method: 'HAWALA', amount: { amount: '12000', currency: 'EUR' }, paidAt: '2025-03-01T00:00:00Z' });
  toAgent = await makePayment(app, token, seller, [], agent, { amount: { amount: '500.5', currency: 'EUR' }, paidAt: '2025-03-05T00:00:00Z' });
  back = await makePayment(app, token, agent, [], buyer, { amount: { amount: '300', currency: 'USD' } });
});
afterAll(() => app.stop());

describe('moneyTrail', () => {
  it('follows the money: each broker a hop, the payee one further, on through what the payee paid, round the cycle once', async () => {
    const answer = await trail(token, buyer);
    expect(depths(answer)).toEqual([[brokerDE.name, 1], [brokerIQ.name, 2], [seller.name, 3], [agent.name, 4]]);
    // An edge's depth is its payee's: the payment back to the start is walked from the agent.
    expect(answer.edges).toEqual([{ depth: 3, payment: { id: toSeller } }, { depth: 4, payment: { id: toAgent } }, { depth: 5, payment: { id: back } }]);
    expect(answer.totals).toEqual([{ amount: '12500.50', currency: 'EUR' }, { amount: '300.00', currency: 'USD' }]);
    expect(answer).toMatchObject({ restricted: [], truncated: false });
  });

  it('walks towards the payers: the parties before the start in what it received, nearest first, then what was paid to them', async () => {
    const answer = await trail(token, seller, { direction: 'TOWARDS_PAYERS' });
    expect(depths(answer)).toEqual([[brokerIQ.name, 1], [brokerDE.name, 2], [buyer.name, 3], [agent.name, 4]]);
    // An edge's depth is its payer's.
    expect(answer.edges).toEqual([{ depth: 3, payment: { id: toSeller } }, { depth: 4, payment: { id: back } }, { depth: 5, payment: { id: toAgent } }]);
    expect(answer.totals).toEqual([{ amount: '12500.50', currency: 'EUR' }, { amount: '300.00', currency: 'USD' }]);
  });

  it('starts from a broker towards the payers with the parties before it in the payments it passed on', async () => {
    const answer = await trail(token, brokerIQ, { direction: 'TOWARDS_PAYERS', maxDepth: 2 });
    expect(depths(answer)).toEqual([[brokerDE.name, 1], [buyer.name, 2]]);
    expect(answer.edges).toEqual([{ depth: 2, payment: { id: toSeller } }]);
    expect(answer.truncated).toBe(true); // the agent paid the buyer, at 3
  });

  it('stops at maxDepth, part-way along a payment, and says the walk was cut', async () => {
    const answer = await trail(token, buyer, { maxDepth: 2 });
    expect(depths(answer)).toEqual([[brokerDE.name, 1], [brokerIQ.name, 2]]);
    expect(answer.edges).toEqual([{ depth: 3, payment: { id: toSeller } }]);
    expect(answer).toMatchObject({ truncated: true, totals: [{ amount: '12000.00', currency: 'EUR' }] });
    expect((await trail(token, buyer, { maxDepth: 4 })).truncated).toBe(false);
  });

  it('refuses a maxDepth below 1 and counts one above 20 as 20', async () => {
    const res = await app.graphql(token, TRAIL, { id: buyer.id, maxDepth: 0 });
    expect(res.body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'maxDepth' });
    expect(depths(await trail(token, buyer, { maxDepth: 50 }))).toHaveLength(4);
  });

  it('answers nothing from a party the caller may not read, or an id that names none', async () => {
    const hidden = await makeSupplier(app, britishToken, { handling: 'TLP_AMBER_STRICT' });
    await makePayment(app, britishToken, hidden, [], seller);
    const empty = { nodes: [], edges: [], restricted: [], truncated: false, totals: [] };
    expect(await trail(token, hidden)).toEqual(empty);
    expect(await trail(token, { id: seller.id.slice(0, -2), name: '' })).toEqual(empty);
  });
});

describe('moneyTrail and what the caller may not read', () => {
  it('stops at a hidden payment or a hidden broker with a hit naming the owner; TLP_RED gives none', async () => {
    const payer = await makeSupplier(app, token, { name: 'F Payer With Secrets' });
    const payee = await makeSupplier(app, token, { name: 'G Far Payee' });
    const hiddenBroker = await makeSupplier(app, britishToken, { name: 'Hidden Hawaladar', role: 'MONEY_BROKER', handling: 'TLP_AMBER' });
    const redBroker = await makeSupplier(app, britishToken, { name: 'Red Hawaladar', role: 'MONEY_BROKER', handling: 'TLP_RED' });
    // The British record payments from the German payer they may read: hidden from the Germans.
    await makePayment(app, britishToken, payer, [], seller, { handling: 'TLP_AMBER_STRICT', amount: { amount: '999', currency: 'GBP' } });
    await makePayment(app, britishToken, payer, [], seller, { handling: 'TLP_RED' });
    // German payments through British brokers the Germans may not read: the walk stops there.
    const viaHidden = await makePayment(app, britishToken, payer, [hiddenBroker], payee, { amount: { amount: '40', currency: 'EUR' } });
    const viaRed = await makePayment(app, britishToken, payer, [redBroker], payee);

    const answer = await trail(token, payer);
    expect(answer.nodes).toEqual([]);
    expect(answer.edges.map((e: any) => e.payment.id).sort()).toEqual([viaHidden, viaRed].sort());
    expect(answer.restricted).toEqual([
      { agency: { code: british.code }, jurisdiction: 'GB', handling: 'TLP_AMBER' },
      { agency: { code: british.code }, jurisdiction: 'GB', handling: 'TLP_AMBER_STRICT' },
    ]);
    expect(answer.totals).toEqual([{ amount: '40.00', currency: 'EUR' }]);
    // The British see it all.
    expect(depths(await trail(britishToken, payer, { maxDepth: 2 }))).toEqual(expect.arrayContaining([[hiddenBroker.name, 1], [payee.name, 2], [seller.name, 1]]));
  });

  it('is audited, and a merged party counts as its survivor', async () => {
    const survivor = await makeSupplier(app, token, { name: 'H Survivor Trading' });
    const duplicate = await makeSupplier(app, token, { name: 'H Survivor Trading Ltd' });
    const payee = await makeSupplier(app, token, { name: 'I Payee Of The Duplicate' });
    await makePayment(app, token, duplicate, [], payee);
    const merged = await app.graphql(token, `mutation ($input: SupplierMergeInput!) { supplierMerge(input: $input) { userErrors { code } } }`,
      { input: { survivorId: survivor.id, mergedId: duplicate.id } });
    expect(merged.body.data.supplierMerge.userErrors).toEqual([]);
    const reader = await german.token([Role.ANALYST], 'analyst.trail');
    expect(depths(await trail(reader, survivor))).toEqual([[payee.name, 1]]);
    expect(depths(await trail(reader, payee, { direction: 'TOWARDS_PAYERS' }))).toEqual([[survivor.name, 1]]);
    const events = await app.query(`SELECT operation, outcome, entity_ids FROM audit_event WHERE actor = 'analyst.trail' ORDER BY at`);
    expect(events).toEqual([
      { operation: 'moneyTrail', outcome: 'SUCCESS', entity_ids: [survivor.id] },
      { operation: 'moneyTrail', outcome: 'SUCCESS', entity_ids: [payee.id] },
    ]);
  });
});
