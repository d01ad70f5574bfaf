import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeMovement, recordMovement } from '../factories/movement.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agency: TestAgency;
let token: string;
let maker: { id: string; name: string };
let importer: { id: string; name: string };
let itemId: string;

const countMovements = async () => (await app.query('SELECT count(*)::int AS n FROM movement'))[0].n;

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app, { jurisdiction: 'DE' });
  token = await agency.token([Role.OFFICER, Role.ANALYST]);
  maker = await makeSupplier(app, token, { name: 'Zhenlu Outboard Manufacturing', country: 'CN' });
  importer = await makeSupplier(app, token, { name: 'Vaartwerk Import', country: 'NL', role: 'IMPORTER' });
  const seizure = await makeSeizure(app, token, { items: [{ kind: 'ENGINE', serialNumber: 'MV-100' }, { kind: 'ENGINE', serialNumber: 'MV-101' }] });
  itemId = seizure.items.nodes[0].id;
});
afterAll(() => app.stop());

describe('movementRecord', () => {
  it('stores a movement with its parties and items, shown in the items\' custody oldest first', async () => {
    const later = await recordMovement(app, token, {
      fromSupplierId: importer.id, itemIds: [itemId], occurredAt: '2025-04-01T08:00:00Z', fromCountry: 'NL', toCountry: 'DE', mode: 'ROAD', documentRef: 'WB-2025-881',
    });
    const earlier = await recordMovement(app, token, {
      fromSupplierId: maker.id, toSupplierId: importer.id, itemIds: [itemId], occurredAt: '2025-02-01T08:00:00Z', fromCountry: 'CN', toCountry: 'NL', mode: 'SEA', quantity: 40,
    });
    expect(later.userErrors).toEqual([]);
    expect(earlier.movement).toMatchObject({
      from: { name: maker.name }, to: { name: importer.name }, items: [{ id: itemId }], mode: 'SEA', quantity: 40,
      handling: 'TLP_GREEN', recordedBy: { code: agency.code },
    });
    const res = await app.graphql(token, `query ($id: ID!) { item(id: $id) { custody { documentRef fromCountry } route } }`, { id: itemId });
    expect(res.body.data.item.custody.map((m: any) => m.fromCountry)).toEqual(['CN', 'NL']);
    expect(res.body.data.item.route).toEqual(['CN', 'NL', 'DE']);
    const stored = await app.query(`SELECT count(*)::int AS n FROM movement_item WHERE item_id = (SELECT i.id FROM item i WHERE i.serial_number = 'MV-100')`);
    expect(stored[0].n).toBe(2);
  });

  it('lists a supplier\'s movements in and out as connections', async () => {
    const res = await app.graphql(token, `query ($id: ID!) { node(id: $id) { ... on Supplier {
      movementsIn(first: 5) { totalCount nodes { from { name } } }
      movementsOut(first: 1) { totalCount pageInfo { hasNextPage } nodes { to { name } } } } } }`, { id: importer.id });
    const supplier = res.body.data.node;
    expect(supplier.movementsIn).toEqual({ totalCount: 1, nodes: [{ from: { name: maker.name } }] });
    expect(supplier.movementsOut).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false }, nodes: [{ to: null }] });
  });

  const refusals: Array<[string, () => Record<string, unknown>, string, string[]]> = [
    ['neither sender nor receiver', () => ({ mode: 'ROAD' }), 'INVALID_INPUT', ['input', 'fromSupplierId']],
    ['the same sender and receiver', () => ({ fromSupplierId: maker.id, toSupplierId: maker.id }), 'INVALID_INPUT', ['input', 'toSupplierId']],
    ['a supplier that does not exist', () => ({ fromSupplierId: maker.id, toSupplierId: 'U3VwcGxpZXI6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw' }), 'NOT_FOUND', ['input', 'toSupplierId']],
    ['an id of another type as supplier', () => ({ fromSupplierId: itemId }), 'NOT_FOUND', ['input', 'fromSupplierId']],
    ['an item that does not exist', () => ({ fromSupplierId: maker.id, itemIds: [itemId, 'garbage'] }), 'NOT_FOUND', ['input', 'itemIds', '1']],
    ['a time in the future', () => ({ fromSupplierId: maker.id, occurredAt: new Date(Date.now() + 3_600_000).toISOString() }), 'INVALID_INPUT', ['input', 'occurredAt']],
    ['a quantity below 1', () => ({ fromSupplierId: maker.id, quantity: 0 }), 'INVALID_INPUT', ['input', 'quantity']],
    ['a document reference over 64 characters', () => ({ fromSupplierId: maker.id, documentRef: 'D'.repeat(65) }), 'INVALID_INPUT', ['input', 'documentRef']],
    ['sharedWith without TLP_AMBER', () => ({ fromSupplierId: maker.id, sharedWith: [agency.code] }), 'INVALID_INPUT', ['input', 'sharedWith']],
  ];

  it.each(refusals)('refuses %s, naming the field, and stores nothing', async (_name, input, code, field) => {
    const before = await countMovements();
    const payload = await recordMovement(app, token, input());
    expect(payload.movement).toBeNull();
    expect(payload.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    expect(await countMovements()).toBe(before);
  });

  it('answers NOT_FOUND for a supplier the caller may not read', async () => {
    const other = await makeAgency(app);
    const secret = await makeSupplier(app, await other.token([Role.ANALYST]), { handling: 'TLP_AMBER_STRICT' });
    const payload = await recordMovement(app, token, { fromSupplierId: secret.id, toSupplierId: maker.id });
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'fromSupplierId'] })]);
  });

  it('is refused to an AUDITOR', async () => {
    const auditor = await agency.token([Role.AUDITOR]);
    const res = await app.graphql(auditor, `mutation { movementRecord(input: { mode: ROAD }) { userErrors { code } } }`);
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('hides a movement from agencies it is not shared with', async () => {
    const partner = await makeAgency(app);
    const outsider = await makeAgency(app);
    const id = await makeMovement(app, token, maker, importer, { handling: 'TLP_AMBER', sharedWith: [partner.code] });
    const read = async (as: TestAgency) => (await app.graphql(await as.token(), `query ($id: ID!) { movement(id: $id) { id } }`, { id })).body.data.movement;
    expect(await read(partner)).toEqual({ id });
    expect(await read(outsider)).toBeNull();
  });
});
