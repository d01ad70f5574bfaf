import { Role } from '../../src/auth/roles';
import { sqlStatementCount } from '../../src/db/statement-counter';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeMovement } from '../factories/movement.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agency: TestAgency;
let token: string;

const WALK = `query ($itemId: ID) {
  supplyChain(itemId: $itemId, maxDepth: 8) {
    nodes { depth supplier { id name country role } }
    edges { depth movement { id occurredAt fromCountry toCountry mode documentRef quantity goodsDescription handling from { name } to { name } } }
    origins { id name }
    restricted { agency { code } jurisdiction handling }
    truncated
  }
}`;

/** SQL statements the server sent to answer one query (the server runs in this process), with its data. */
async function statementsFor(query: string, variables: Record<string, unknown>, as = token) {
  const before = sqlStatementCount();
  const res = await app.graphql(as, query, variables);
  const statements = sqlStatementCount() - before;
  expect(res.body.errors).toBeUndefined();
  return { statements, data: res.body.data };
}

const named = (label: string, as = token) => makeSupplier(app, as, { name: `${label} ${Math.random().toString(36).slice(2, 7)}`, country: 'NL', role: 'IMPORTER' });

async function seizedEngine() {
  const seizure = await makeSeizure(app, token, { jurisdiction: 'FR', items: [{ kind: 'ENGINE', serialNumber: `ST-${Math.random().toString(36).slice(2, 9)}` }] });
  return seizure.items.nodes[0].id as string;
}

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app, { jurisdiction: 'FR' });
  token = await agency.token([Role.OFFICER, Role.ANALYST]);
});
afterAll(() => app.stop());

// begin with the caller bound (one round trip); the walk, with the rows of the suppliers,
// movements and agencies it names; the audit event's insert; commit.
describe('a walk answers in one statement besides the transaction and its audit event', () => {
  it('nodes with their suppliers, edges with their movements and their parties', async () => {
    const itemId = await seizedEngine();
    const [maker, importer, retailer] = [await named('StMaker'), await named('StImporter'), await named('StRetailer')];
    await makeMovement(app, token, maker, importer, { occurredAt: '2025-01-10T00:00:00Z', fromCountry: 'CN', toCountry: 'NL', mode: 'SEA', documentRef: 'BL-1', quantity: 40 });
    await makeMovement(app, token, importer, retailer, { occurredAt: '2025-02-10T00:00:00Z', goodsDescription: 'engines' });
    await makeMovement(app, token, retailer, null, { itemIds: [itemId] });

    const { statements, data } = await statementsFor(WALK, { itemId });
    const walked = data.supplyChain;
    expect(walked.nodes.map((n: any) => [n.depth, n.supplier.name.split(' ')[0], n.supplier.country, n.supplier.role])).toEqual([
      [1, 'StRetailer', 'NL', 'IMPORTER'], [2, 'StImporter', 'NL', 'IMPORTER'], [3, 'StMaker', 'NL', 'IMPORTER'],
    ]);
    expect(walked.edges[2]).toMatchObject({
      depth: 3,
      movement: { occurredAt: '2025-01-10T00:00:00.000Z', fromCountry: 'CN', toCountry: 'NL', mode: 'SEA', documentRef: 'BL-1', quantity: 40, from: { name: maker.name }, to: { name: importer.name } },
    });
    expect(walked.edges[0].movement.to).toBeNull();
    expect(walked.origins).toEqual([{ id: maker.id, name: maker.name }]);
    expect(statements).toBe(4);
  });

  it('restricted hits with their agencies', async () => {
    const theirs = await (await makeAgency(app, { jurisdiction: 'DE' })).token([Role.OFFICER, Role.ANALYST]);
    const itemId = await seizedEngine();
    const retailer = await named('StHitRetailer');
    await makeMovement(app, token, retailer, null, { itemIds: [itemId] });
    await makeMovement(app, theirs, await named('StHidden', theirs), retailer, { handling: 'TLP_AMBER_STRICT' });

    const { statements, data } = await statementsFor(WALK, { itemId });
    expect(data.supplyChain.restricted).toEqual([{ agency: { code: expect.any(String) }, jurisdiction: 'DE', handling: 'TLP_AMBER_STRICT' }]);
    expect(statements).toBe(4);
  });

  it('downstream: the suppliers reached with their rows, the seizures through their loader (one more statement)', async () => {
    const itemId = await seizedEngine();
    const [maker, importer] = [await named('StReachMaker'), await named('StReachImporter')];
    await makeMovement(app, token, maker, importer);
    await makeMovement(app, token, importer, null, { itemIds: [itemId] });

    const { statements, data } = await statementsFor(
      `query ($id: ID!) { supplierReach(supplierId: $id) { suppliers { depth supplier { name country role } } seizures { jurisdiction } restricted { agency { code } } } }`,
      { id: maker.id },
    );
    expect(data.supplierReach).toEqual({
      suppliers: [{ depth: 1, supplier: { name: importer.name, country: 'NL', role: 'IMPORTER' } }], seizures: [{ jurisdiction: 'FR' }], restricted: [],
    });
    expect(statements).toBe(5);
  });
});
