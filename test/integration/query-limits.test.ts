// Request limits over real HTTP: a request over any of them is refused with HTTP 400 before
// anything runs (no SQL statement, no audit event, nothing stored); every screen an analyst
// needs still passes.
import { Role } from '../../src/auth/roles';
import { sqlStatementCount } from '../../src/db/statement-counter';
import { DEFAULT_QUERY_LIMITS } from '../../src/graphql/limits/query-limits';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeMovement } from '../factories/movement.factory';
import { makeSeizure, seizureInput } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';
import {
  CONNECTION_BOMB,
  CONNECTION_BOMB_WITH_VARIABLES,
  SEIZURE_PAGE,
  SUPPLIER_REACH_SCREEN,
  SUPPLY_CHAIN_SCREEN,
  WALK_BOMB,
} from '../support/screen-queries';

let app: TestApp;
let agency: TestAgency;
let token: string;
let seizureId: string;
let makerId: string;

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app, { jurisdiction: 'FR' });
  token = await agency.token([Role.OFFICER, Role.ANALYST]);
  // A small world for the screens: two seizures of the same engine (a match), and a chain maker -> dealer -> the engine.
  const serial = `LIM-${Math.random().toString(36).slice(2, 9)}`;
  const seizure = await makeSeizure(app, token, { items: [{ kind: 'ENGINE', serialNumber: serial }, { kind: 'LIFE_JACKET', batchNumber: 'LJ-1', quantity: 40 }] });
  await makeSeizure(app, token, { items: [{ kind: 'ENGINE', serialNumber: serial }] });
  seizureId = seizure.id;
  const maker = await makeSupplier(app, token);
  const dealer = await makeSupplier(app, token, { role: 'RETAILER' });
  await makeMovement(app, token, maker, dealer);
  await makeMovement(app, token, dealer, null, { itemIds: [seizure.items.nodes[0].id] });
  makerId = maker.id;
});
afterAll(() => app.stop());

interface Sent {
  status: number;
  body: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
  requestId: string;
}

const post = async (body: unknown, as = token): Promise<Sent> => {
  const res = await app.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${as}`).send(body as object);
  return { status: res.status, body: res.body, requestId: res.headers['x-request-id'] };
};

const auditEventsOf = async (requestId: string) =>
  (await app.query('SELECT count(*)::int AS n FROM audit_event WHERE request_id = $1', [requestId]))[0].n;

/** Sends a request and checks it was refused with HTTP 400 and `code` before anything ran. */
async function expectRefusedBeforeRunning(send: () => Promise<Sent>, code: string, message: RegExp): Promise<Sent> {
  const statements = sqlStatementCount();
  const res = await send();
  expect(sqlStatementCount()).toBe(statements);
  expect(res.status).toBe(400);
  expect(res.body.data).toBeUndefined();
  expect(res.body.errors).toHaveLength(1);
  expect(res.body.errors![0].extensions?.code).toBe(code);
  expect(res.body.errors![0].message).toMatch(message);
  expect(res.body.errors![0].extensions?.requestId).toBe(res.requestId);
  expect(await auditEventsOf(res.requestId)).toBe(0);
  return res;
}

describe('size and tokens, checked before the document is parsed', () => {
  it('refuses a document over 100 KB', async () => {
    const query = `{ seizures(filter: { reference: "${'x'.repeat(DEFAULT_QUERY_LIMITS.maxDocumentBytes)}" }) { totalCount } }`;
    await expectRefusedBeforeRunning(() => post({ query }), 'GRAPHQL_VALIDATION_FAILED', /over the limit of 102400 bytes/);
  });

  it('takes the same value as a variable (large inputs go in variables)', async () => {
    const query = 'query ($ref: String) { seizures(filter: { reference: $ref }) { totalCount } }';
    const res = await post({ query, variables: { ref: 'x'.repeat(DEFAULT_QUERY_LIMITS.maxDocumentBytes) } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { seizures: { totalCount: 0 } } });
  });

  it('refuses a POSTed document of more than 5,000 tokens', async () => {
    const query = `{ viewer { ${'subject '.repeat(5000)} } }`;
    await expectRefusedBeforeRunning(() => post({ query }), 'GRAPHQL_VALIDATION_FAILED', /more than 5000 tokens/);
  });

  it('refuses a GET query of more than 5,000 tokens, read from the `query` search parameter', async () => {
    const path = `/graphql?query=${encodeURIComponent('{ viewer {')}${'a+'.repeat(5000)}${encodeURIComponent('} }')}`;
    await expectRefusedBeforeRunning(async () => {
      const res = await app.http().get(path).set('authorization', `Bearer ${token}`).set('apollo-require-preflight', 'true');
      return { status: res.status, body: res.body, requestId: res.headers['x-request-id'] };
    }, 'GRAPHQL_VALIDATION_FAILED', /more than 5000 tokens/);
  });

  it('refuses a mutation over the limit without storing anything', async () => {
    const input = seizureInput({ notes: 'n'.repeat(DEFAULT_QUERY_LIMITS.maxDocumentBytes) });
    const query = `mutation { seizureRecord(input: { reference: "${input.reference}", seizedAt: "${input.seizedAt}", notes: "${input.notes}",
      items: [{ kind: ENGINE }] }) { seizure { id } userErrors { code } } }`;
    await expectRefusedBeforeRunning(() => post({ query }), 'GRAPHQL_VALIDATION_FAILED', /bytes/);
    expect(await app.query('SELECT id FROM seizure WHERE reference = $1', [input.reference])).toEqual([]);
  });
});

describe('depth and aliases, checked when the document is validated', () => {
  const path = '{ seizures(first: 1) { edges { node { items(first: 1) { edges { node { matches { item { seizure { items(first: 1) { nodes {';

  it('answers a query nested 12 deep', async () => {
    const res = await post({ query: `${path} id } } } } } } } } } } } }` });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('refuses a query nested 13 deep', async () => {
    const query = `${path} seizure { id } } } } } } } } } } } } }`;
    await expectRefusedBeforeRunning(() => post({ query }), 'GRAPHQL_VALIDATION_FAILED', /nests fields 13 deep, over the limit of 12/);
  });

  it('refuses 31 aliases, and answers 30', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `v${i}: viewer { subject }`).join(' ')} }`;
    const ok = await post({ query: aliases(30) });
    expect(ok.status).toBe(200);
    expect(ok.body.errors).toBeUndefined();
    await expectRefusedBeforeRunning(() => post({ query: aliases(31) }), 'GRAPHQL_VALIDATION_FAILED', /31 aliases, over the limit of 30/);
  });
});

describe('cost, with the request variables', () => {
  it.each([
    ['a page of 100 seizures with their items and matches', SEIZURE_PAGE, () => ({})],
    ['a supply chain at depth 20', SUPPLY_CHAIN_SCREEN, () => ({ seizureId })],
    ['a supplier reach at depth 20', SUPPLIER_REACH_SCREEN, () => ({ supplierId: makerId })],
  ])('answers %s', async (_name, query, variables) => {
    const res = await post({ query, variables: variables() });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('the screens show the data they were built for', async () => {
    const page = await post({ query: SEIZURE_PAGE });
    const items = (page.body.data as any).seizures.edges.flatMap((e: any) => e.node.items.nodes);
    expect(items.some((item: any) => item.matches.length > 0)).toBe(true);
    const chain = await post({ query: SUPPLY_CHAIN_SCREEN, variables: { seizureId } });
    expect((chain.body.data as any).supplyChain.nodes).toHaveLength(2);
  });

  it.each([
    ['nested connections of 100 in 100 in 100', CONNECTION_BOMB, () => ({})],
    ['the same bomb with its page sizes in variables', CONNECTION_BOMB_WITH_VARIABLES, () => ({ a: 100, b: 100, c: 100 })],
    ['a depth-20 walk listing 100 movements of every supplier', WALK_BOMB, () => ({ seizureId })],
  ])('refuses %s with QUERY_TOO_COMPLEX', async (_name, query, variables) => {
    const res = await expectRefusedBeforeRunning(() => post({ query, variables: variables() }), 'QUERY_TOO_COMPLEX', /estimated cost is \d+, over the limit of 250000/);
    expect(res.body.errors![0].extensions).toMatchObject({ maxCost: 250000 });
    expect(res.body.errors![0].extensions?.cost).toBeGreaterThan(250000);
  });

  it('prices the bomb by its variables: small pages pass', async () => {
    const res = await post({ query: CONNECTION_BOMB_WITH_VARIABLES, variables: { a: 2, b: 2, c: 2 } });
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
  });

  it('refuses a mutation whose answer would be a bomb, storing nothing and auditing nothing', async () => {
    const input = seizureInput();
    const query = `mutation ($input: SeizureRecordInput!) { seizureRecord(input: $input) { seizure {
      items(first: 100) { nodes { seizure { items(first: 100) { nodes { seizure { items(first: 100) { nodes { id } } } } } } } } } } }`;
    await expectRefusedBeforeRunning(() => post({ query, variables: { input } }), 'QUERY_TOO_COMPLEX', /over the limit/);
    expect(await app.query('SELECT id FROM seizure WHERE reference = $1', [input.reference])).toEqual([]);
  });
});

describe('limits are configuration', () => {
  let strict: TestApp;
  let strictToken: string;
  beforeAll(async () => {
    strict = await TestApp.start({ limits: { maxDocumentBytes: 2048, maxTokens: 50, maxDepth: 3, maxAliases: 1, maxCost: 30 } });
    strictToken = await strict.token({ sub: 'strict.analyst', agency: 'NOWHERE', roles: [Role.ANALYST] });
  });
  afterAll(() => strict.stop());

  const send = async (query: string) => {
    const res = await strict.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${strictToken}`).send({ query });
    return { status: res.status, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message };
  };

  it.each([
    ['size', `{ viewer { subject } } # ${'x'.repeat(2048)}`, 'GRAPHQL_VALIDATION_FAILED', /limit of 2048 bytes/],
    ['tokens', `{ viewer { ${'subject '.repeat(50)} } }`, 'GRAPHQL_VALIDATION_FAILED', /more than 50 tokens/],
    ['depth', '{ seizures { nodes { agency { code } } } }', 'GRAPHQL_VALIDATION_FAILED', /4 deep, over the limit of 3/],
    ['aliases', '{ a: viewer { subject } b: viewer { roles } }', 'GRAPHQL_VALIDATION_FAILED', /2 aliases, over the limit of 1/],
    ['cost', '{ seizures(first: 30) { nodes { id } } }', 'QUERY_TOO_COMPLEX', /cost is 31, over the limit of 30/],
  ])('applies a configured %s limit', async (_name, query, code, message) => {
    const res = await send(query);
    expect(res).toMatchObject({ status: 400, code });
    expect(res.message).toMatch(message);
  });
});
