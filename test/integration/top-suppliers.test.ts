// topSuppliers: suppliers ranked by the readable seizures downstream of them, as supplierReach
// finds them at depth 20: through merged suppliers, not through steps the caller may not read.
import { Role } from '../../src/auth/roles';
import { idOfType } from '../../src/graphql/relay/global-id';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeMovement } from '../factories/movement.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

const TOP = `query ($filter: SeizureFilter, $first: Int) {
  topSuppliers(filter: $filter, first: $first) { supplier { id name } seizures items jurisdictions }
}`;
const REACH = `query ($id: ID!) { supplierReach(supplierId: $id, maxDepth: 20) { seizures { id } } }`;

let app: TestApp;
let fr: TestAgency;
let other: TestAgency;
let frToken: string;
let otherToken: string;
const named: Record<string, { id: string; name: string }> = {};

/** A seizure of one engine (and a pump with `pumps`), returning its item ids. */
async function seizureOf(token: string, jurisdiction: string, pumps = false): Promise<string[]> {
  const items = [{ kind: 'ENGINE' }, ...(pumps ? [{ kind: 'PUMP' }] : [])];
  const seizure = await makeSeizure(app, token, { jurisdiction, items });
  return seizure.items.nodes.map((item: any) => item.id);
}

async function top(token: string, variables: Record<string, unknown> = {}) {
  const res = await app.graphql(token, TOP, variables);
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.topSuppliers as Array<{ supplier: { id: string; name: string }; seizures: number; items: number; jurisdictions: string[] }>;
}
const line = (entry: { supplier: { name: string }; seizures: number; items: number; jurisdictions: string[] }) =>
  `${entry.supplier.name}: ${entry.seizures} ${entry.items} ${entry.jurisdictions.join(',')}`;

beforeAll(async () => {
  app = await TestApp.start();
  fr = await makeAgency(app, { jurisdiction: 'FR' });
  other = await makeAgency(app, { jurisdiction: 'BE' });
  frToken = await fr.token([Role.OFFICER, Role.ANALYST]);
  otherToken = await other.token([Role.OFFICER, Role.ANALYST]);
  for (const [key, name, token] of [
    ['factory', 'Orvane Plastics', frToken], ['exporter', 'Belkis Export', frToken], ['retailer', 'Dunmere Boats', frToken],
    ['chandler', 'Caldera Chandlery', frToken], ['chandlerCopy', 'Caldera Chandlery Trading', frToken], ['hidden', 'Quillon Traders', otherToken],
  ] as const) {
    named[key] = await makeSupplier(app, token, { name });
  }
  await makeMovement(app, frToken, named.factory, named.exporter);
  await makeMovement(app, frToken, named.exporter, named.retailer);
  await makeMovement(app, frToken, named.exporter, named.chandler);
  // Sold on to smugglers: two seizures (one with two items carried), and one through the chandler's duplicate record.
  const sold = [...(await seizureOf(frToken, 'FR', true)), ...(await seizureOf(frToken, 'BE'))];
  await makeMovement(app, frToken, named.retailer, null, { itemIds: sold });
  await makeMovement(app, frToken, named.chandlerCopy, null, { itemIds: await seizureOf(frToken, 'GB') });
  const merged = await app.graphql(frToken, `mutation ($input: SupplierMergeInput!) { supplierMerge(input: $input) { userErrors { code } } }`, {
    input: { survivorId: named.chandler.id, mergedId: named.chandlerCopy.id },
  });
  expect(merged.body.data.supplierMerge.userErrors).toEqual([]);
  // A step only its recording agency may read: the exporter to the other agency's trader, whose sale was seized.
  await makeMovement(app, otherToken, named.exporter, named.hidden, { handling: 'TLP_AMBER_STRICT' });
  await makeMovement(app, otherToken, named.hidden, null, { itemIds: await seizureOf(otherToken, 'NL') });
});
afterAll(() => app.stop());

describe('topSuppliers', () => {
  it('ranks suppliers by readable seizures downstream, ties by name, through merged records', async () => {
    expect((await top(frToken)).map(line)).toEqual([
      'Belkis Export: 3 4 BE,FR,GB',
      'Orvane Plastics: 3 4 BE,FR,GB',
      'Dunmere Boats: 2 3 BE,FR',
      'Caldera Chandlery: 1 1 GB',
      'Quillon Traders: 1 1 NL',
    ]);
  });

  it('walks through a step only for a caller who may read it', async () => {
    expect((await top(otherToken)).map(line)).toEqual([
      'Belkis Export: 4 5 BE,FR,GB,NL',
      'Orvane Plastics: 4 5 BE,FR,GB,NL',
      'Dunmere Boats: 2 3 BE,FR',
      'Caldera Chandlery: 1 1 GB',
      'Quillon Traders: 1 1 NL',
    ]);
  });

  it('counts only the seizures the filter selects, and at most `first` suppliers', async () => {
    expect((await top(frToken, { filter: { jurisdiction: ['GB'] } })).map(line)).toEqual([
      'Belkis Export: 1 1 GB', 'Caldera Chandlery: 1 1 GB', 'Orvane Plastics: 1 1 GB',
    ]);
    expect((await top(frToken, { filter: { itemKind: ['PUMP'] } })).map(line)).toEqual([
      'Belkis Export: 1 1 FR', 'Dunmere Boats: 1 1 FR', 'Orvane Plastics: 1 1 FR',
    ]);
    expect((await top(frToken, { first: 2 })).map((entry) => entry.supplier.name)).toEqual(['Belkis Export', 'Orvane Plastics']);
  });

  it('counts what supplierReach finds at depth 20, and nothing 21 steps up', async () => {
    const agency = await makeAgency(app, { jurisdiction: 'DE' });
    const token = await agency.token([Role.OFFICER, Role.ANALYST]);
    const chain: Array<{ id: string; name: string }> = [];
    for (let n = 0; n <= 21; n++) chain.push(await makeSupplier(app, token, { name: `Linkwell Relay ${String(n).padStart(2, '0')}` }));
    for (let n = 0; n < 21; n++) await makeMovement(app, token, chain[n], chain[n + 1]);
    await makeMovement(app, token, chain[21], null, { itemIds: await seizureOf(token, 'DE') });

    const ranked = await top(token, { filter: { agency: [agency.code] }, first: 100 });
    expect(ranked.map((entry) => entry.supplier.name)).toEqual(chain.slice(1).map((supplier) => supplier.name));
    for (const supplier of [chain[0], chain[1], chain[21]]) {
      const reach = (await app.graphql(token, REACH, { id: supplier.id })).body.data.supplierReach;
      expect(ranked.find((entry) => entry.supplier.id === supplier.id)?.seizures ?? 0).toBe(reach.seizures.length);
    }
  });

  it('keeps one supply step per sender, receiver and readers, community-wide ones without an owner', async () => {
    const steps = await app.query(
      `SELECT f.name AS sender, t.name AS receiver, s.handling, a.code AS owner, s.shared_with, s.recorded_by
         FROM supply_step s JOIN supplier f ON f.id = s.from_supplier_id JOIN supplier t ON t.id = s.to_supplier_id
         LEFT JOIN agency a ON a.id = s.agency_id
        WHERE f.id = ANY($1) ORDER BY f.name, t.name`,
      [[named.factory.id, named.exporter.id].map((id) => idOfType(id, 'Supplier'))],
    );
    expect(steps).toEqual([
      { sender: 'Belkis Export', receiver: 'Caldera Chandlery', handling: 'TLP_GREEN', owner: null, shared_with: [], recorded_by: '' },
      { sender: 'Belkis Export', receiver: 'Dunmere Boats', handling: 'TLP_GREEN', owner: null, shared_with: [], recorded_by: '' },
      { sender: 'Belkis Export', receiver: 'Quillon Traders', handling: 'TLP_AMBER_STRICT', owner: other.code, shared_with: [], recorded_by: '' },
      { sender: 'Orvane Plastics', receiver: 'Belkis Export', handling: 'TLP_GREEN', owner: null, shared_with: [], recorded_by: '' },
    ]);
  });

  it('refuses a `first` out of range, naming it', async () => {
    for (const first of [0, 101]) {
      const res = await app.graphql(frToken, TOP, { first });
      expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors?.[0].message).toContain('first');
    }
  });
});
