// Exports over HTTP (/export/supply-chain, /export/reach) in the four formats, each read back by
// a tool of its format: FollowTheMoney's own model, the GraphML XSD (xmllint), headless
// cytoscape, a ZIP reader and a CSV parser. The demo chain, and a chain of the test's own with a
// step another agency restricts, which must leave nothing of that step behind but its hit.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultModel, Model } from '@alephdata/followthemoney';
import cytoscape from 'cytoscape';
import { parse } from 'csv-parse/sync';
import { validateXML } from 'xmllint-wasm';
import yauzl from 'yauzl';
import { Role } from '../../src/auth/roles';
import { DEMO_AGENCY, DEMO_SUBJECT } from '../../src/demo/demo-data';
import { seedDemoData } from '../../src/demo/seed';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeMovement } from '../factories/movement.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

const ftm = new Model(defaultModel);
const GRAPHML_SCHEMA = join(__dirname, '../fixtures/graphml');
const schemaFile = (name: string) => ({ fileName: name, contents: readFileSync(join(GRAPHML_SCHEMA, name), 'utf8') });

let app: TestApp;
let demoToken: string;

beforeAll(async () => {
  app = await TestApp.start();
  await seedDemoData(app.dataSource);
  demoToken = await app.token({ sub: DEMO_SUBJECT, agency: DEMO_AGENCY, roles: [Role.OFFICER, Role.ANALYST] });
});
afterAll(() => app?.stop());

/** GETs an export with a token (or none), the body as bytes. */
async function exported(path: string, token: string | null): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const req = app.http().get(path).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });
  if (token) req.set('authorization', `Bearer ${token}`);
  const res = await req;
  return { status: res.status, headers: res.headers as Record<string, string>, body: res.body as Buffer };
}

/** The files of a ZIP, by name, as text. */
function unzipped(zip: Buffer): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error);
      const files: Record<string, string> = {};
      file.on('entry', (entry: yauzl.Entry) => file.openReadStream(entry, (openError, stream) => {
        if (openError || !stream) return reject(openError);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          files[entry.fileName] = Buffer.concat(chunks).toString('utf8');
          file.readEntry();
        });
      }));
      file.on('end', () => resolve(files));
      file.readEntry();
    });
  });
}

/** Every line an FtM entity of the model, every property one its schema has, every entity it names in the file. */
function ftmEntities(body: Buffer) {
  const lines = body.toString('utf8').trim().split('\n').map((line) => JSON.parse(line));
  const ids = new Set(lines.map((line) => line.id));
  for (const line of lines) {
    const entity = ftm.getEntity(line);
    for (const [name, values] of Object.entries(line.properties as Record<string, string[]>)) {
      const property = entity.schema.getProperty(name);
      expect(property).toBeDefined();
      if (property.type.name === 'entity') for (const value of values) expect(ids).toContain(value);
    }
  }
  return lines;
}

async function graphmlErrors(body: Buffer): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: 'export.graphml', contents: body.toString('utf8') }],
    schema: [schemaFile('graphml.xsd')],
    preload: [schemaFile('graphml-structure.xsd'), schemaFile('xlink.xsd')],
  });
  return result.errors.map((error) => error.rawMessage);
}

const csvRows = (text: string) => parse(text, { columns: true }) as Array<Record<string, string>>;

describe('the demo chain, upstream from the engine seized in Kent', () => {
  let seizureId: string;
  let chain: any;

  beforeAll(async () => {
    const found = await app.graphql(demoToken, `{ seizures(filter: { reference: "GB-KENT-2025-0093" }) { nodes { id } } }`);
    seizureId = found.body.data.seizures.nodes[0].id;
    const res = await app.graphql(demoToken, `query ($id: ID) { supplyChain(seizureId: $id) {
      nodes { depth supplier { id name role country } } edges { depth movement { id from { id } to { id } } } restricted { agency { code } handling } } }`, { id: seizureId });
    chain = res.body.data.supplyChain;
    expect(chain.nodes.length).toBeGreaterThan(1);
  });

  /** The movements between two suppliers of the chain, and the seizure from each last holder of its goods (the receiver of a movement that carried them, else its sender). */
  const expectedEdges = () => chain.edges.filter((edge: any) => edge.movement.from && edge.movement.to).length
    + new Set(chain.edges.filter((edge: any) => edge.depth === 1).map((edge: any) => (edge.movement.to ?? edge.movement.from).id)).size;

  it('as FollowTheMoney entities: suppliers as Company or Organization, the seizure as an Event, every step an UnknownLink from sender to receiver', async () => {
    const res = await exported(`/export/supply-chain?seizureId=${seizureId}&format=ftm`, demoToken);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    expect(res.headers['x-restricted-hits']).toBe(chain.restricted.map((hit: any) => `${hit.agency.code}:${hit.handling}`).sort().join(','));
    const entities = ftmEntities(res.body);
    const suppliers = entities.filter((e) => e.schema === 'Company' || e.schema === 'Organization');
    expect(suppliers.map((e) => e.properties.name[0]).sort()).toEqual(chain.nodes.map((n: any) => n.supplier.name).sort());
    const maker = chain.nodes.find((n: any) => n.supplier.role === 'MANUFACTURER').supplier;
    expect(entities.find((e) => e.id === maker.id)).toMatchObject({ schema: 'Company', properties: { country: [maker.country.toLowerCase()] } });
    expect(entities.filter((e) => e.schema === 'Event')).toEqual([
      expect.objectContaining({ id: seizureId, properties: expect.objectContaining({ name: ['GB-KENT-2025-0093'], country: ['gb'] }) }),
    ]);
    const links = entities.filter((e) => e.schema === 'UnknownLink');
    expect(links).toHaveLength(expectedEdges());
    const step = chain.edges.find((edge: any) => edge.movement.from && edge.movement.to).movement;
    expect(links.find((e) => e.id === step.id).properties).toMatchObject({ subject: [step.from.id], object: [step.to.id] });
  });

  it('as GraphML valid against the GraphML schema, directed, with the hits as graph data', async () => {
    const res = await exported(`/export/supply-chain?seizureId=${seizureId}&format=graphml`, demoToken);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/graphml\+xml/);
    expect(await graphmlErrors(res.body)).toEqual([]);
    const xml = res.body.toString('utf8');
    expect(xml).toContain('edgedefault="directed"');
    expect(xml.match(/<node /g)).toHaveLength(chain.nodes.length + 1);
    expect(xml.match(/<edge /g)).toHaveLength(expectedEdges());
    // The schema itself catches a broken document.
    expect(await graphmlErrors(Buffer.from(xml.replace(/source="[^"]+"/, 'source="nowhere"')))).not.toEqual([]);
  });

  it('as Cytoscape JSON that cytoscape loads headless, every edge between two of its nodes', async () => {
    const res = await exported(`/export/supply-chain?seizureId=${seizureId}&format=cyjs`, demoToken);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const json = JSON.parse(res.body.toString('utf8'));
    const cy = cytoscape({ headless: true, elements: json.elements });
    expect(cy.nodes().length).toBe(chain.nodes.length + 1);
    expect(cy.edges().length).toBe(expectedEdges());
    expect(cy.nodes('[kind = "seizure"]').map((node) => node.data('name'))).toEqual(['GB-KENT-2025-0093']);
    expect(json.data.restricted).toEqual(chain.restricted.map((hit: any) => ({ agency: hit.agency.code, handling: hit.handling })));
  });

  it('as a ZIP of nodes.csv, edges.csv and restricted.csv with the columns API.md names', async () => {
    const res = await exported(`/export/supply-chain?seizureId=${seizureId}&format=csv`, demoToken);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="supply-chain.zip"');
    const files = await unzipped(res.body);
    expect(Object.keys(files).sort()).toEqual(['edges.csv', 'nodes.csv', 'restricted.csv']);
    expect(files['nodes.csv'].split('\n')[0]).toBe('id,kind,name,role,country,depth');
    expect(files['edges.csv'].split('\n')[0]).toBe('id,source,target,kind,occurredAt,mode,documentRef,depth');
    expect(files['restricted.csv'].split('\n')[0]).toBe('agency,handling');
    const nodes = csvRows(files['nodes.csv']);
    expect(nodes).toHaveLength(chain.nodes.length + 1);
    for (const node of chain.nodes) {
      expect(nodes).toContainEqual({ id: node.supplier.id, kind: 'supplier', name: node.supplier.name, role: node.supplier.role, country: node.supplier.country, depth: String(node.depth) });
    }
    expect(csvRows(files['edges.csv'])).toHaveLength(expectedEdges());
  });

  it('downstream from the engine maker: every seizure its goods reached, drawn from the supplier that held them', async () => {
    const found = await app.graphql(demoToken, `{ suppliers(filter: { role: MANUFACTURER, search: "velmont" }) { nodes { id } } }`);
    const makerId = found.body.data.suppliers.nodes[0].id;
    const reach = (await app.graphql(demoToken, `query ($id: ID!) { supplierReach(supplierId: $id) { suppliers { supplier { id } } seizures { id reference } } }`, { id: makerId })).body.data.supplierReach;
    const res = await exported(`/export/reach?supplierId=${makerId}&format=cyjs`, demoToken);
    expect(res.status).toBe(200);
    const cy = cytoscape({ headless: true, elements: JSON.parse(res.body.toString('utf8')).elements });
    expect(cy.nodes('[kind = "supplier"]').length).toBe(reach.suppliers.length + 1);
    expect(cy.nodes('[kind = "seizure"]').map((node) => node.id()).sort()).toEqual(reach.seizures.map((s: any) => s.id).sort());
    for (const seizure of reach.seizures) expect(cy.getElementById(seizure.id).incomers('edge[kind = "seized"]').length).toBeGreaterThan(0);
    // Every supplier reached is connected to the maker along the movements.
    const connected = cy.elements().bfs({ roots: cy.getElementById(makerId), directed: true }).path.nodes();
    expect(connected.length).toBe(cy.nodes().length);
    expect(ftmEntities((await exported(`/export/reach?supplierId=${makerId}&format=ftm`, demoToken)).body).length).toBe(cy.elements().length);
  });
});

describe('a chain with a step another agency restricts', () => {
  let owner: TestAgency;
  let other: TestAgency;
  let seizure: { id: string; reference: string };
  let retailer: { id: string; name: string };
  let hidden: Array<{ id: string; name: string }>;

  beforeAll(async () => {
    owner = await makeAgency(app, { jurisdiction: 'FR' });
    other = await makeAgency(app, { jurisdiction: 'DE' });
    const [ours, theirs] = [await owner.token(), await other.token()];
    const made = await makeSeizure(app, ours, { items: [{ kind: 'ENGINE', make: 'Velmont Marine', serialNumber: `EXP-${Date.now() % 1e7}` }] });
    seizure = made;
    retailer = await makeSupplier(app, ours, { role: 'RETAILER', country: 'FR' });
    // The German importer and its maker, and the movements between them, are the other agency's, owner-only.
    hidden = [
      await makeSupplier(app, theirs, { role: 'IMPORTER', country: 'DE', handling: 'TLP_AMBER_STRICT' }),
      await makeSupplier(app, theirs, { role: 'MANUFACTURER', country: 'CN', handling: 'TLP_AMBER_STRICT' }),
    ];
    await makeMovement(app, ours, retailer, null, { itemIds: [made.items.nodes[0].id], occurredAt: '2025-04-02T10:00:00Z', fromCountry: 'FR', toCountry: 'FR' });
    await makeMovement(app, theirs, hidden[0], retailer, { occurredAt: '2025-03-01T10:00:00Z', handling: 'TLP_AMBER_STRICT' });
    await makeMovement(app, theirs, hidden[1], hidden[0], { occurredAt: '2025-01-15T10:00:00Z', handling: 'TLP_AMBER_STRICT' });
  });

  it('exports nothing of the step, in any format, and names who holds it', async () => {
    const token = await owner.token([Role.ANALYST]);
    const hit = `${other.code}:TLP_AMBER_STRICT`;
    for (const format of ['ftm', 'graphml', 'cyjs', 'csv']) {
      const res = await exported(`/export/supply-chain?seizureId=${seizure.id}&format=${format}`, token);
      expect(res.status).toBe(200);
      expect(res.headers['x-restricted-hits']).toBe(hit);
      const text = format === 'csv' ? Object.values(await unzipped(res.body)).join('\n') : res.body.toString('utf8');
      expect(text).toContain(retailer.name);
      for (const supplier of hidden) {
        expect(text).not.toContain(supplier.name);
        expect(text).not.toContain(supplier.id);
      }
      if (format === 'graphml') expect(text).toContain(`<data key="g_restricted">${hit}</data>`);
      if (format === 'cyjs') expect(JSON.parse(text).data.restricted).toEqual([{ agency: other.code, handling: 'TLP_AMBER_STRICT' }]);
      if (format === 'csv') expect(csvRows((await unzipped(res.body))['restricted.csv'])).toEqual([{ agency: other.code, handling: 'TLP_AMBER_STRICT' }]);
    }
    // The other agency sees its own steps, the owner's readable supplier and seizure, and no hit.
    const theirs = await exported(`/export/reach?supplierId=${hidden[1].id}&format=cyjs`, await other.token([Role.ANALYST]));
    const cy = cytoscape({ headless: true, elements: JSON.parse(theirs.body.toString('utf8')).elements });
    expect(cy.nodes().map((node) => node.data('name')).sort()).toEqual([...hidden.map((s) => s.name), retailer.name, seizure.reference].sort());
    expect(theirs.headers['x-restricted-hits']).toBe('');
  });

  it('audits every export, with the record it started from', async () => {
    const token = await owner.token([Role.ANALYST], 'analyst.exporting');
    await exported(`/export/supply-chain?seizureId=${seizure.id}&format=graphml`, token);
    await exported(`/export/reach?supplierId=${retailer.id}&format=csv`, token);
    const events = await app.query(`SELECT operation, outcome, entity_ids, agency_code FROM audit_event WHERE actor = 'analyst.exporting' ORDER BY operation`);
    expect(events).toEqual([
      { operation: 'exportReach', outcome: 'SUCCESS', entity_ids: [retailer.id], agency_code: owner.code },
      { operation: 'exportSupplyChain', outcome: 'SUCCESS', entity_ids: [seizure.id], agency_code: owner.code },
    ]);
  });
});

describe('refusals', () => {
  const errorOf = (res: { body: Buffer }) => JSON.parse(res.body.toString('utf8')).errors[0];

  it('answers 400 BAD_USER_INPUT naming what is wrong, and runs nothing', async () => {
    const seizure = (await app.graphql(demoToken, `{ seizures(first: 1) { nodes { id items { nodes { id } } } } }`)).body.data.seizures.nodes[0];
    const cases: Array<[string, RegExp]> = [
      ['/export/supply-chain?format=ftm', /exactly one of itemId and seizureId/],
      [`/export/supply-chain?seizureId=${seizure.id}&itemId=${seizure.items.nodes[0].id}&format=ftm`, /exactly one of itemId and seizureId/],
      [`/export/supply-chain?seizureId=${seizure.id}&format=pdf`, /format must be one of ftm, graphml, cyjs, csv/],
      [`/export/supply-chain?seizureId=${seizure.id}`, /format must be one of/],
      [`/export/supply-chain?seizureId=${seizure.id}&format=ftm&maxDepth=0`, /maxDepth must be at least 1/],
      [`/export/supply-chain?seizureId=${seizure.id}&format=ftm&maxDepth=deep`, /maxDepth must be a whole number/],
      ['/export/reach?format=csv', /supplierId is required/],
    ];
    const exports = () => app.query(`SELECT count(*)::int AS n FROM audit_event WHERE operation LIKE 'export%'`);
    const before = await exports();
    for (const [path, message] of cases) {
      const res = await exported(path, demoToken);
      expect([path, res.status]).toEqual([path, 400]);
      expect(errorOf(res)).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT' } });
    }
    expect(await exports()).toEqual(before);
  });

  it('answers 401 without a valid token and 403 FORBIDDEN for a token that reads no business data or names no registered agency', async () => {
    const path = '/export/reach?supplierId=U3VwcGxpZXI6MDAwMDAwMDAtMDAwMC0wMDAwLTAwMDAtMDAwMDAwMDAwMDAw&format=ftm';
    for (const token of [null, 'not-a-token']) {
      const res = await exported(path, token);
      expect(res.status).toBe(401);
      expect(errorOf(res).extensions.code).toBe('UNAUTHENTICATED');
    }
    const auditor = await app.token({ sub: 'auditor.export', agency: DEMO_AGENCY, roles: [Role.AUDITOR] });
    const unregistered = await app.token({ sub: 'officer.nowhere', agency: 'XX-NONE', roles: [Role.ANALYST] });
    for (const token of [auditor, unregistered]) {
      const res = await exported(path, token);
      expect(res.status).toBe(403);
      expect(errorOf(res).extensions.code).toBe('FORBIDDEN');
    }
    const denied = await app.query(`SELECT operation, outcome FROM audit_event WHERE actor = 'auditor.export'`);
    expect(denied).toEqual([{ operation: 'exportReach', outcome: 'DENIED' }]);
  });
});
