import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeMovement } from '../factories/movement.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agency: TestAgency;
let analyst: string;

const MERGE = `mutation ($input: SupplierMergeInput!) { supplierMerge(input: $input) {
  supplier { id name aliases mergedSuppliers { name } } userErrors { code field message } } }`;
const UNMERGE = `mutation ($input: SupplierUnmergeInput!) { supplierUnmerge(input: $input) {
  supplier { id name aliases } userErrors { code field } } }`;
const CHAIN = `query ($id: ID) { supplyChain(itemId: $id) { nodes { depth supplier { name } } origins { name } } }`;

const merge = async (survivorId: string, mergedId: string, token = analyst) =>
  (await app.graphql(token, MERGE, { input: { survivorId, mergedId } })).body.data.supplierMerge;
const unmerge = async (mergedId: string) => (await app.graphql(analyst, UNMERGE, { input: { mergedId } })).body.data.supplierUnmerge;
const searchFirst = async (search: string) =>
  (await app.graphql(analyst, `query ($search: String) { suppliers(filter: { search: $search }) { nodes { name } } }`, { search })).body.data
    .suppliers.nodes[0]?.name;
const chainOf = async (itemId: string) => {
  const { nodes, origins } = (await app.graphql(analyst, CHAIN, { id: itemId })).body.data.supplyChain;
  return { nodes: nodes.map((n: any) => `${n.supplier.name}@${n.depth}`), origins: origins.map((o: any) => o.name) };
};

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app, { jurisdiction: 'DE' });
  analyst = await agency.token([Role.OFFICER, Role.ANALYST]);
});
afterAll(() => app.stop());

describe('supplierMerge and supplierUnmerge', () => {
  it('makes two records of one party count as one everywhere, and undoes it', async () => {
    const maker = await makeSupplier(app, analyst, { name: 'Qorvath Marine Works' });
    const survivor = await makeSupplier(app, analyst, { name: 'Rheinkante Bootshandel GmbH', aliases: ['Rheinkante Boote'] });
    const merged = await makeSupplier(app, analyst, { name: 'Rheinkante Bootshandel', aliases: ['Lindqvarn Bootsvertrieb'] });
    const seizure = await makeSeizure(app, analyst, { items: [{ kind: 'ENGINE', serialNumber: 'MRG-1001' }] });
    const itemId = seizure.items.nodes[0].id;
    // The engine was sold by the record that is merged; its stock came in to the survivor.
    await makeMovement(app, analyst, maker, survivor);
    await makeMovement(app, analyst, merged, null, { itemIds: [itemId] });
    expect(await chainOf(itemId)).toEqual({ nodes: ['Rheinkante Bootshandel@1'], origins: ['Rheinkante Bootshandel'] });
    expect(await searchFirst('Lindqvarn')).toBe('Rheinkante Bootshandel');

    const result = await merge(survivor.id, merged.id);
    expect(result).toEqual({
      supplier: {
        id: survivor.id, name: 'Rheinkante Bootshandel GmbH',
        aliases: ['Rheinkante Boote', 'Rheinkante Bootshandel', 'Lindqvarn Bootsvertrieb'], mergedSuppliers: [{ name: 'Rheinkante Bootshandel' }],
      },
      userErrors: [],
    });
    expect(await chainOf(itemId)).toEqual({ nodes: ['Rheinkante Bootshandel GmbH@1', 'Qorvath Marine Works@2'], origins: ['Qorvath Marine Works'] });
    const resolved = await app.graphql(analyst, `query ($id: ID!) { node(id: $id) { id ... on Supplier { name } } supplier(id: $id) { id } }`, { id: merged.id });
    expect(resolved.body.data).toEqual({ node: { id: survivor.id, name: 'Rheinkante Bootshandel GmbH' }, supplier: { id: survivor.id } });
    const reach = await app.graphql(analyst, `query ($id: ID!) { supplierReach(supplierId: $id) { seizures { reference } } }`, { id: maker.id });
    expect(reach.body.data.supplierReach.seizures).toEqual([{ reference: seizure.reference }]);
    expect(await searchFirst('Lindqvarn')).toBe('Rheinkante Bootshandel GmbH');
    const movements = await app.graphql(analyst, `query ($id: ID!) { supplier(id: $id) {
      movementsIn { totalCount } movementsOut { totalCount nodes { items { id } } } } }`, { id: survivor.id });
    expect(movements.body.data.supplier).toEqual({ movementsIn: { totalCount: 1 }, movementsOut: { totalCount: 1, nodes: [{ items: [{ id: itemId }] }] } });
    const listed = await app.graphql(analyst, `{ suppliers(first: 100, filter: { agency: ["${agency.code}"] }) { nodes { name } } }`);
    expect(listed.body.data.suppliers.nodes.map((n: any) => n.name)).not.toContain('Rheinkante Bootshandel');

    const undone = await unmerge(merged.id);
    expect(undone).toEqual({ supplier: { id: merged.id, name: 'Rheinkante Bootshandel', aliases: ['Lindqvarn Bootsvertrieb'] }, userErrors: [] });
    expect(await searchFirst('Lindqvarn')).toBe('Rheinkante Bootshandel');
    expect(await chainOf(itemId)).toEqual({ nodes: ['Rheinkante Bootshandel@1'], origins: ['Rheinkante Bootshandel'] });
    const survivorNow = await app.graphql(analyst, `query ($id: ID!) { supplier(id: $id) { aliases } }`, { id: survivor.id });
    expect(survivorNow.body.data.supplier.aliases).toEqual(['Rheinkante Boote']);
  });

  it('refuses what cannot be merged, naming the field, and changes nothing', async () => {
    const a = await makeSupplier(app, analyst);
    const b = await makeSupplier(app, analyst);
    const c = await makeSupplier(app, analyst);
    const strict = await makeSupplier(app, analyst, { handling: 'TLP_AMBER_STRICT' });
    const other = await makeAgency(app);
    const hidden = await makeSupplier(app, await other.token([Role.ANALYST]), { handling: 'TLP_AMBER_STRICT' });
    expect((await merge(a.id, a.id)).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'mergedId'] })]);
    expect((await merge(a.id, strict.id)).userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'mergedId'] })]);
    expect((await merge(a.id, hidden.id)).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'mergedId'] })]);
    expect((await merge(a.id, b.id)).userErrors).toEqual([]);
    expect((await merge(c.id, b.id)).userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'mergedId'] })]);
    expect((await merge(b.id, c.id)).userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'survivorId'] })]);
    expect((await merge(c.id, a.id)).userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'mergedId'] })]);
    expect((await unmerge(c.id)).userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'mergedId'] })]);
    expect(await app.query('SELECT count(*)::int AS n FROM supplier_merge')).toEqual([{ n: 1 }]);
    const officer = await agency.token([Role.OFFICER]);
    const res = await app.graphql(officer, MERGE, { input: { survivorId: a.id, mergedId: c.id } });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
