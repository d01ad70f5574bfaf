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

const SUPPLY_CHAIN = `query ($itemId: ID, $seizureId: ID, $maxDepth: Int) {
  supplyChain(itemId: $itemId, seizureId: $seizureId, maxDepth: $maxDepth) {
    nodes { depth supplier { name } }
    edges { depth movement { from { name } to { name } } }
    origins { name }
    restricted { handling }
    truncated
  }
}`;

const REACH = `query ($supplierId: ID!, $maxDepth: Int) {
  supplierReach(supplierId: $supplierId, maxDepth: $maxDepth) {
    suppliers { depth supplier { name } }
    seizures { reference }
    jurisdictions
    truncated
  }
}`;

async function chain(variables: Record<string, unknown>, as = token) {
  const res = await app.graphql(as, SUPPLY_CHAIN, variables);
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  const c = res.body.data.supplyChain;
  return {
    nodes: c.nodes.map((n: any) => `${n.supplier.name}@${n.depth}`),
    edges: c.edges.map((e: any) => `${e.movement.from?.name ?? '?'}>${e.movement.to?.name ?? '(none)'}@${e.depth}`),
    origins: c.origins.map((o: any) => o.name),
    restricted: c.restricted,
    truncated: c.truncated,
  };
}

/** A supplier with a readable, unique name ending in `label`. */
const supplier = (label: string, as = token) => makeSupplier(app, as, { name: `${label} ${Math.random().toString(36).slice(2, 7)}` }).then((s) => ({ ...s, label }));
const short = (name: string) => name.replace(/ \w+$/, '');

/** A seized engine; returns the item's id and its seizure's id. */
async function seizedEngine(jurisdiction = 'FR', as = token) {
  const seizure = await makeSeizure(app, as, { jurisdiction, items: [{ kind: 'ENGINE', serialNumber: `SC-${Math.random().toString(36).slice(2, 9)}` }] });
  return { itemId: seizure.items.nodes[0].id, seizureId: seizure.id, reference: seizure.reference };
}

function shorten(result: Awaited<ReturnType<typeof chain>>) {
  const strip = (s: string) => s.replace(/ \w{5}(?=[@>]|$)/g, '');
  return { ...result, nodes: result.nodes.map(strip), edges: result.edges.map(strip), origins: result.origins.map(short) };
}

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app, { jurisdiction: 'FR' });
  token = await agency.token([Role.OFFICER, Role.ANALYST]);
});
afterAll(() => app.stop());

describe('supplyChain: the public contract\'s worked example', () => {
  let engine: Awaited<ReturnType<typeof seizedEngine>>;
  let maker: { id: string };

  beforeAll(async () => {
    engine = await seizedEngine();
    const [m, i, r] = [await supplier('Maker'), await supplier('Importer'), await supplier('Retailer')];
    maker = m;
    await makeMovement(app, token, m, i, { occurredAt: '2025-01-10T00:00:00Z', fromCountry: 'CN', toCountry: 'NL', mode: 'SEA' });
    await makeMovement(app, token, i, r, { occurredAt: '2025-02-10T00:00:00Z', fromCountry: 'NL', toCountry: 'DE', mode: 'ROAD' });
    await makeMovement(app, token, r, null, { itemIds: [engine.itemId], occurredAt: '2025-03-10T00:00:00Z', fromCountry: 'DE', toCountry: 'FR' });
  });

  it('walks from the item back to the maker', async () => {
    expect(shorten(await chain({ itemId: engine.itemId }))).toEqual({
      nodes: ['Retailer@1', 'Importer@2', 'Maker@3'],
      edges: ['Retailer>(none)@1', 'Importer>Retailer@2', 'Maker>Importer@3'],
      origins: ['Maker'],
      restricted: [],
      truncated: false,
    });
  });

  it('stops at maxDepth and says so', async () => {
    expect(shorten(await chain({ itemId: engine.itemId, maxDepth: 1 }))).toEqual({
      nodes: ['Retailer@1'],
      edges: ['Retailer>(none)@1'],
      origins: [],
      restricted: [],
      truncated: true,
    });
  });

  it('starts from every item of a seizure', async () => {
    expect(shorten(await chain({ seizureId: engine.seizureId })).nodes).toEqual(['Retailer@1', 'Importer@2', 'Maker@3']);
  });

  it('reaches downstream from the maker to the seizure', async () => {
    const res = await app.graphql(token, REACH, { supplierId: maker.id });
    const reach = res.body.data.supplierReach;
    expect(reach.suppliers.map((s: any) => `${short(s.supplier.name)}@${s.depth}`)).toEqual(['Importer@1', 'Retailer@2']);
    expect(reach.seizures.map((s: any) => s.reference)).toEqual([engine.reference]);
    expect(reach).toMatchObject({ jurisdictions: ['FR'], truncated: false });
  });

  it('stops at a step the caller may not read and says whose it is (hit/no-hit), and RED gives no hit', async () => {
    const fr = await makeAgency(app, { jurisdiction: 'FR' });
    const theirs = await fr.token([Role.OFFICER, Role.ANALYST]);
    const item = await seizedEngine();
    const [m, i, r] = [await supplier('HitMaker'), await supplier('HitImporter'), await supplier('HitRetailer')];
    await makeMovement(app, token, m, i);
    await makeMovement(app, token, i, r);
    await makeMovement(app, token, r, null, { itemIds: [item.itemId] });
    const t = await supplier('Upstream-T', theirs);
    await makeMovement(app, theirs, t, m, { handling: 'TLP_AMBER_STRICT' });
    const res = await app.graphql(token, `query ($id: ID) { supplyChain(itemId: $id) {
      nodes { supplier { name } } origins { name } restricted { agency { code } jurisdiction handling } truncated } }`, { id: item.itemId });
    const walked = res.body.data.supplyChain;
    expect(walked.nodes.map((n: any) => short(n.supplier.name))).toEqual(['HitRetailer', 'HitImporter', 'HitMaker']);
    expect(walked.origins).toEqual([]);
    expect(walked.restricted).toEqual([{ agency: { code: fr.code }, jurisdiction: 'FR', handling: 'TLP_AMBER_STRICT' }]);
    expect(JSON.stringify(res.body)).not.toContain('Upstream-T');
    const reach = await app.graphql(theirs, `query ($id: ID!) { supplierReach(supplierId: $id) { restricted { handling } } }`, { id: t.id });
    expect(reach.body.data.supplierReach.restricted).toEqual([]); // the owner reads its own movement

    // The same shape under TLP_RED: the walk stops silently and the maker counts as an origin.
    const redItem = await seizedEngine();
    const [m2, r2] = [await supplier('RedMaker'), await supplier('RedRetailer')];
    await makeMovement(app, token, m2, r2);
    await makeMovement(app, token, r2, null, { itemIds: [redItem.itemId] });
    await makeMovement(app, theirs, await supplier('Upstream-R', theirs), m2, { handling: 'TLP_RED' });
    const red = (await app.graphql(token, `query ($id: ID) { supplyChain(itemId: $id) { origins { name } restricted { handling } } }`, { id: redItem.itemId })).body.data.supplyChain;
    expect(red).toEqual({ origins: [{ name: expect.stringMatching(/^RedMaker/) }], restricted: [] });
  });

  it('derives the item\'s route from its custody', async () => {
    const res = await app.graphql(token, `query ($id: ID!) { item(id: $id) { route custody { documentRef fromCountry } } }`, { id: engine.itemId });
    expect(res.body.data.item.route).toEqual(['DE', 'FR']);
    expect(res.body.data.item.custody).toHaveLength(1);
  });
});

describe('supplyChain: shapes of chains', () => {
  it('walks chains of depth 1 to 10, with as many statements for 10 as for 2', async () => {
    const statements: number[] = [];
    for (const length of [1, 2, 5, 10]) {
      const engine = await seizedEngine();
      const links = [];
      for (let i = length; i >= 1; i--) links.push(await supplier(`L${length}-S${i}`));
      for (let i = 0; i < links.length - 1; i++) await makeMovement(app, token, links[i], links[i + 1]);
      await makeMovement(app, token, links[links.length - 1], null, { itemIds: [engine.itemId] });
      const before = sqlStatementCount();
      const result = shorten(await chain({ itemId: engine.itemId, maxDepth: 20 }));
      statements.push(sqlStatementCount() - before);
      expect(result.nodes).toEqual(Array.from({ length }, (_, d) => `L${length}-S${d + 1}@${d + 1}`));
      expect(result.origins).toEqual([`L${length}-S${length}`]);
      expect(result.edges).toHaveLength(length);
      expect(result.truncated).toBe(false);
    }
    expect(new Set(statements.slice(1)).size).toBe(1);
  });

  it('follows an item back through two upstream suppliers (branching)', async () => {
    const engine = await seizedEngine();
    const [a, b, r] = [await supplier('Branch-A'), await supplier('Branch-B'), await supplier('Branch-R')];
    await makeMovement(app, token, a, r);
    await makeMovement(app, token, b, r);
    await makeMovement(app, token, r, null, { itemIds: [engine.itemId] });
    const result = shorten(await chain({ itemId: engine.itemId }));
    expect(result.nodes).toEqual(['Branch-R@1', 'Branch-A@2', 'Branch-B@2']);
    expect(result.origins).toEqual(['Branch-A', 'Branch-B']);
  });

  it('walks a cycle once', async () => {
    const engine = await seizedEngine();
    const [x, y] = [await supplier('Cycle-X'), await supplier('Cycle-Y')];
    await makeMovement(app, token, x, y, { occurredAt: '2025-01-01T00:00:00Z' });
    await makeMovement(app, token, y, x, { occurredAt: '2025-02-01T00:00:00Z' });
    await makeMovement(app, token, y, null, { itemIds: [engine.itemId], occurredAt: '2025-03-01T00:00:00Z' });
    expect(shorten(await chain({ itemId: engine.itemId, maxDepth: 20 }))).toEqual({
      nodes: ['Cycle-Y@1', 'Cycle-X@2'],
      edges: ['Cycle-Y>(none)@1', 'Cycle-X>Cycle-Y@2', 'Cycle-Y>Cycle-X@3'],
      origins: [],
      restricted: [],
      truncated: false,
    });
  });

  it('stops a walk at a step the caller may not read', async () => {
    const other = await makeAgency(app, { jurisdiction: 'BE' });
    const theirs = await other.token([Role.OFFICER, Role.ANALYST]);
    const engine = await seizedEngine();
    const [hidden, m, r] = [await supplier('Hidden-T', theirs), await supplier('Seen-M'), await supplier('Seen-R')];
    const visibleToAll = await supplier('Seen-U', theirs);
    await makeMovement(app, theirs, hidden, visibleToAll, { handling: 'TLP_AMBER_STRICT' });
    await makeMovement(app, theirs, visibleToAll, m);
    await makeMovement(app, token, m, r);
    await makeMovement(app, token, r, null, { itemIds: [engine.itemId] });
    const result = shorten(await chain({ itemId: engine.itemId }));
    expect(result.nodes).toEqual(['Seen-R@1', 'Seen-M@2', 'Seen-U@3']);
    expect(JSON.stringify(result)).not.toContain('Hidden-T');
    // The owner of the hidden movement walks one step further.
    expect(shorten(await chain({ itemId: engine.itemId }, theirs)).nodes).toContain('Hidden-T@4');
  });

  it('caps a walk at 5,000 suppliers and says it was truncated', async () => {
    const engine = await seizedEngine();
    const hub = await supplier('Hub');
    await makeMovement(app, token, hub, null, { itemIds: [engine.itemId] });
    // 5,001 senders into the hub, written straight to the database for speed.
    await app.query(
      `WITH made AS (
         INSERT INTO supplier (agency_id, name, search_text, handling, recorded_by)
         SELECT (SELECT id FROM agency WHERE code = $1), 'Feeder ' || lpad(g::text, 5, '0'), 'feeder', 'TLP_GREEN', 'bulk'
           FROM generate_series(1, 5001) g
         RETURNING id, agency_id)
       INSERT INTO movement (agency_id, from_supplier_id, to_supplier_id, handling, recorded_by)
       SELECT agency_id, id, (SELECT id FROM supplier WHERE name = $2), 'TLP_GREEN', 'bulk' FROM made`,
      [agency.code, hub.name],
    );
    const res = await app.graphql(token, `query ($itemId: ID) { supplyChain(itemId: $itemId) { nodes { depth } truncated } }`, { itemId: engine.itemId });
    expect(res.body.data.supplyChain.nodes).toHaveLength(5000);
    expect(res.body.data.supplyChain.truncated).toBe(true);
  });
});

describe('supplierReach across jurisdictions', () => {
  it('finds every seizure, in every country, that a maker\'s goods ended up in', async () => {
    const maker = await supplier('Reach-Maker');
    const [nl, de] = [await supplier('Reach-Importer'), await supplier('Reach-Seller')];
    await makeMovement(app, token, maker, nl);
    await makeMovement(app, token, nl, de);
    const seizedInFrance = await seizedEngine('FR');
    const seizedInUk = await seizedEngine('GB');
    const seizedAtImporter = await seizedEngine('NL');
    await makeMovement(app, token, de, null, { itemIds: [seizedInFrance.itemId, seizedInUk.itemId] });
    await makeMovement(app, token, nl, null, { itemIds: [seizedAtImporter.itemId] });
    const reach = (await app.graphql(token, REACH, { supplierId: maker.id })).body.data.supplierReach;
    expect(reach.jurisdictions).toEqual(['FR', 'GB', 'NL']);
    expect(reach.seizures.map((s: any) => s.reference).sort()).toEqual([seizedInFrance.reference, seizedInUk.reference, seizedAtImporter.reference].sort());
    const shallow = (await app.graphql(token, REACH, { supplierId: maker.id, maxDepth: 1 })).body.data.supplierReach;
    expect(shallow.suppliers.map((s: any) => short(s.supplier.name))).toEqual(['Reach-Importer']);
    expect(shallow.truncated).toBe(true);
  });
});

describe('supplierReach and hidden steps', () => {
  it('says whose a hidden downstream step is, without showing it', async () => {
    const other = await makeAgency(app, { jurisdiction: 'BE' });
    const theirs = await other.token([Role.OFFICER, Role.ANALYST]);
    const seller = await supplier('Visible-Seller');
    await makeMovement(app, theirs, seller, await supplier('Hidden-Buyer', theirs), { handling: 'TLP_AMBER_STRICT' });
    const res = await app.graphql(token, `query ($id: ID!) { supplierReach(supplierId: $id) {
      suppliers { supplier { name } } restricted { agency { code } jurisdiction handling } } }`, { id: seller.id });
    expect(res.body.data.supplierReach).toEqual({
      suppliers: [],
      restricted: [{ agency: { code: other.code }, jurisdiction: 'BE', handling: 'TLP_AMBER_STRICT' }],
    });
    expect(JSON.stringify(res.body)).not.toContain('Hidden-Buyer');
  });
});

describe('hit/no-hit at the ends of a walk', () => {
  const HITS = `query ($itemId: ID, $supplierId: ID!, $reach: Boolean!) {
    supplyChain(itemId: $itemId) @skip(if: $reach) { nodes { supplier { name } } edges { depth } restricted { agency { code } handling } }
    supplierReach(supplierId: $supplierId) @include(if: $reach) { suppliers { depth } seizures { id } restricted { agency { code } handling } }
  }`;
  let other: TestAgency;
  let theirs: string;
  beforeAll(async () => {
    other = await makeAgency(app, { jurisdiction: 'BE' });
    theirs = await other.token([Role.OFFICER, Role.ANALYST]);
  });

  it.each(['TLP_AMBER_STRICT', 'TLP_RED'])('says whose the %s movement that carried the start item is, RED giving nothing', async (handling) => {
    const item = await seizedEngine();
    await makeMovement(app, theirs, await supplier('Carrier-Sender', theirs), null, { handling, itemIds: [item.itemId] });
    const res = await app.graphql(token, HITS, { itemId: item.itemId, supplierId: item.itemId, reach: false });
    expect(res.body.data.supplyChain).toEqual({
      nodes: [], edges: [],
      restricted: handling === 'TLP_RED' ? [] : [{ agency: { code: other.code }, handling }],
    });
    expect(JSON.stringify(res.body)).not.toContain('Carrier-Sender');
  });

  it('says whose the hidden sender of a readable start movement is', async () => {
    const item = await seizedEngine();
    const sender = await makeSupplier(app, theirs, { name: 'Hidden-Start-Sender', handling: 'TLP_AMBER' });
    await makeMovement(app, theirs, sender, null, { itemIds: [item.itemId] });
    const res = await app.graphql(token, HITS, { itemId: item.itemId, supplierId: item.itemId, reach: false });
    expect(res.body.data.supplyChain).toEqual({
      nodes: [], edges: [{ depth: 1 }], restricted: [{ agency: { code: other.code }, handling: 'TLP_AMBER' }],
    });
    expect(JSON.stringify(res.body)).not.toContain('Hidden-Start-Sender');
  });

  it('says whose the seizure is that a readable movement from the supplier reached', async () => {
    const seller = await supplier('Reach-Seller');
    const hiddenSeizure = await makeSeizure(app, theirs, { handling: 'TLP_AMBER_STRICT', items: [{ kind: 'ENGINE', serialNumber: `HS-${Math.random().toString(36).slice(2, 9)}` }] });
    await makeMovement(app, theirs, seller, null, { itemIds: [hiddenSeizure.items.nodes[0].id] });
    const res = await app.graphql(token, HITS, { supplierId: seller.id, reach: true });
    expect(res.body.data.supplierReach).toEqual({
      suppliers: [], seizures: [], restricted: [{ agency: { code: other.code }, handling: 'TLP_AMBER_STRICT' }],
    });
    expect(JSON.stringify(res.body)).not.toContain(hiddenSeizure.id);
  });
});

describe('supply-chain arguments', () => {
  it.each([
    ['both start ids', { itemId: 'a', seizureId: 'b' }],
    ['no start id', {}],
    ['maxDepth 0', { itemId: 'a', maxDepth: 0 }],
  ])('refuses %s with BAD_USER_INPUT', async (_name, variables) => {
    const res = await app.graphql(token, SUPPLY_CHAIN, variables);
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('treats maxDepth above 20 as 20, and an unknown start as an empty result', async () => {
    const res = await app.graphql(token, SUPPLY_CHAIN, { itemId: 'SXRlbTowMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA', maxDepth: 50 });
    expect(res.body.data.supplyChain).toEqual({ nodes: [], edges: [], origins: [], restricted: [], truncated: false });
  });
});
