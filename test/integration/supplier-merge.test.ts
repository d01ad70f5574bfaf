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

const idOf = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];
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

  describe('only suppliers with the same readers are merged', () => {
    let partner: TestAgency;
    let third: TestAgency;
    beforeAll(async () => {
      partner = await makeAgency(app, { jurisdiction: 'GB' });
      third = await makeAgency(app, { jurisdiction: 'BE' });
    });

    /** Each sharing of a supplier recorded by the test's analyst, and who reads it. */
    const sharings: Record<string, () => Record<string, unknown>> = {
      TLP_CLEAR: () => ({ handling: 'TLP_CLEAR' }),
      TLP_GREEN: () => ({ handling: 'TLP_GREEN' }),
      'TLP_AMBER with GB': () => ({ handling: 'TLP_AMBER', sharedWith: [partner.code] }),
      'TLP_AMBER with BE': () => ({ handling: 'TLP_AMBER', sharedWith: [third.code] }),
      'TLP_AMBER with nobody': () => ({ handling: 'TLP_AMBER', sharedWith: [] }),
      TLP_AMBER_STRICT: () => ({ handling: 'TLP_AMBER_STRICT' }),
      TLP_RED: () => ({ handling: 'TLP_RED' }),
    };
    // Everyone / the agencies {own, GB} / {own, BE} / {own} / the recording user.
    const readers: Record<string, string> = {
      TLP_CLEAR: 'all', TLP_GREEN: 'all', 'TLP_AMBER with GB': 'own+GB', 'TLP_AMBER with BE': 'own+BE',
      'TLP_AMBER with nobody': 'own', TLP_AMBER_STRICT: 'own', TLP_RED: 'user',
    };
    const pairs = Object.keys(sharings).flatMap((survivor) => Object.keys(sharings).map((merged) => [survivor, merged] as const));

    it.each(pairs)('survivor %s, merged %s', async (survivorSharing, mergedSharing) => {
      const survivor = await makeSupplier(app, analyst, sharings[survivorSharing]());
      const merged = await makeSupplier(app, analyst, sharings[mergedSharing]());
      const result = await merge(survivor.id, merged.id);
      const stored = await app.query('SELECT count(*)::int AS n FROM supplier_merge WHERE merged_id = $1', [idOf(merged.id)]);
      if (readers[survivorSharing] === readers[mergedSharing]) {
        expect(result.userErrors).toEqual([]);
        expect(stored).toEqual([{ n: 1 }]);
      } else {
        expect(result).toEqual({ supplier: null, userErrors: [expect.objectContaining({ code: 'CONFLICT', field: ['input', 'mergedId'] })] });
        expect(stored).toEqual([{ n: 0 }]);
      }
    });

    it('merges TLP_AMBER records of two agencies that share with each other (the same two readers)', async () => {
      const mine = await makeSupplier(app, analyst, { handling: 'TLP_AMBER', sharedWith: [partner.code] });
      const theirs = await makeSupplier(app, await partner.token([Role.ANALYST]), { handling: 'TLP_AMBER', sharedWith: [agency.code] });
      expect((await merge(mine.id, theirs.id)).userErrors).toEqual([]);
    });

    it('never lets a merge into a record others cannot read block or disclose anything to them', async () => {
      const shared = await makeSupplier(app, analyst, { handling: 'TLP_GREEN' });
      const secret = await makeSupplier(app, analyst, { handling: 'TLP_RED' });
      expect((await merge(secret.id, shared.id)).userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
      const partnerAnalyst = await partner.token([Role.ANALYST]);
      const theirs = await makeSupplier(app, partnerAnalyst, { handling: 'TLP_GREEN' });
      expect((await merge(theirs.id, shared.id, partnerAnalyst)).userErrors).toEqual([]);
    });
  });
});
