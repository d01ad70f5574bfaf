import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeMovement } from '../factories/movement.factory';
import { makeSeizure, seizureInput } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

// A foreign agency's analyst against records of every handling code, on the provenance read
// paths (seizures and items have their own matrix in visibility.test.ts).
const HANDLINGS = ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED'] as const;
const OPEN = new Set(['TLP_CLEAR', 'TLP_GREEN']);

let app: TestApp;
let owner: TestAgency;
let foreign: TestAgency;
let ownerToken: string;
let foreignToken: string;
const made: Record<string, { supplier: { id: string; name: string }; movement: string }> = {};
let receiver: { id: string; name: string };
let itemId: string;

beforeAll(async () => {
  app = await TestApp.start();
  owner = await makeAgency(app, { jurisdiction: 'NL' });
  foreign = await makeAgency(app, { jurisdiction: 'GB' });
  ownerToken = await owner.token([Role.OFFICER, Role.ANALYST]);
  foreignToken = await foreign.token([Role.OFFICER, Role.ANALYST]);
  receiver = await makeSupplier(app, ownerToken, { name: 'Vrijhaven Receiver Works' });
  const seizure = await makeSeizure(app, ownerToken, { items: [{ kind: 'ENGINE', serialNumber: 'HOST-001' }] });
  itemId = seizure.items.nodes[0].id;
  for (const handling of HANDLINGS) {
    const supplier = await makeSupplier(app, ownerToken, { name: `Zyntharo ${handling} Trading`, handling });
    const movement = await makeMovement(app, ownerToken, supplier, receiver, {
      handling, itemIds: [itemId], fromCountry: 'CN', toCountry: 'NL', occurredAt: '2025-01-01T00:00:00Z',
    });
    made[handling] = { supplier, movement };
  }
});
afterAll(() => app.stop());

describe.each(HANDLINGS)('a foreign analyst and %s provenance records', (handling) => {
  const readable = OPEN.has(handling);

  it(readable ? 'reads them on every path' : 'gets nothing of them on any path', async () => {
    const { supplier, movement } = made[handling];
    const res = await app.graphql(foreignToken, `query ($s: ID!, $m: ID!, $r: ID!, $i: ID!, $q: String!) {
      supplier(id: $s) { id } supplierNode: node(id: $s) { id } movement(id: $m) { id } movementNode: node(id: $m) { id }
      receiver: supplier(id: $r) { movementsIn { totalCount nodes { id } } }
      item(id: $i) { custody { id } route }
      suppliers(filter: { search: $q }) { totalCount nodes { id } }
      supplierCandidates(input: { name: $q }) { supplier { id } }
      supplyChain(itemId: $i) { nodes { supplier { id } } edges { movement { id } } restricted { handling } }
    }`, { s: supplier.id, m: movement, r: receiver.id, i: itemId, q: supplier.name });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    const data = res.body.data;
    const text = JSON.stringify(data);
    expect(data.supplier !== null).toBe(readable);
    expect(data.supplierNode !== null).toBe(readable);
    expect(data.movement !== null).toBe(readable);
    expect(data.movementNode !== null).toBe(readable);
    expect(data.receiver.movementsIn.nodes.some((n: any) => n.id === movement)).toBe(readable);
    expect(data.receiver.movementsIn.totalCount).toBe([...OPEN].length);
    expect(data.item.custody.some((m: any) => m.id === movement)).toBe(readable);
    expect(data.suppliers.nodes.some((n: any) => n.id === supplier.id)).toBe(readable);
    expect(data.supplierCandidates.some((c: any) => c.supplier.id === supplier.id)).toBe(readable);
    expect(text.includes(supplier.id)).toBe(readable);
    expect(text.includes(movement)).toBe(readable);
    // AMBER and AMBER_STRICT steps are hits in the walk; RED gives none.
    const hit = data.supplyChain.restricted.some((r: any) => r.handling === handling);
    expect(hit).toBe(handling === 'TLP_AMBER' || handling === 'TLP_AMBER_STRICT');
  });

  it('cannot act on them unless it can read them: NOT_FOUND, never FORBIDDEN', async () => {
    const { supplier } = made[handling];
    const mine = await makeSupplier(app, foreignToken);
    const merge = await app.graphql(foreignToken, `mutation ($input: SupplierMergeInput!) { supplierMerge(input: $input) { userErrors { code field } } }`, {
      input: { survivorId: mine.id, mergedId: supplier.id },
    });
    const codes = merge.body.data.supplierMerge.userErrors.map((e: any) => e.code);
    if (readable) expect(codes).not.toContain('NOT_FOUND');
    else expect(codes).toEqual(['NOT_FOUND']);
    const movement = await app.graphql(foreignToken, `mutation ($input: MovementRecordInput!) { movementRecord(input: $input) { userErrors { code field } } }`, {
      input: { fromSupplierId: supplier.id, toSupplierId: mine.id },
    });
    expect(movement.body.data.movementRecord.userErrors.map((e: any) => e.code)).toEqual(readable ? [] : ['NOT_FOUND']);
  });
});

describe('spoofing', () => {
  it('records for the agency in the token: an agency named in the input is refused and nothing is stored', async () => {
    const res = await app.graphql(foreignToken, `mutation ($input: SeizureRecordInput!) { seizureRecord(input: $input) { userErrors { code } } }`, {
      input: { ...seizureInput({ reference: 'SPOOF-1' }), agency: owner.code },
    });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await app.query(`SELECT count(*)::int AS n FROM seizure WHERE reference = 'SPOOF-1'`)).toEqual([{ n: 0 }]);
    const recorded = await makeSeizure(app, foreignToken, { reference: 'SPOOF-2' });
    const [row] = await app.query(`SELECT a.code FROM seizure s JOIN agency a ON a.id = s.agency_id WHERE s.reference = 'SPOOF-2'`);
    expect(row.code).toBe(foreign.code);
    expect(recorded.agency.code).toBe(foreign.code);
  });

  it("does not let a token claim another agency's rights by naming it in a header", async () => {
    const res = await app.http().post('/graphql').set('authorization', `Bearer ${foreignToken}`).set('x-agency', owner.code)
      .send({ query: 'query ($id: ID!) { supplier(id: $id) { id } }', variables: { id: made.TLP_AMBER_STRICT.supplier.id } });
    expect(res.body.data.supplier).toBeNull();
  });
});
