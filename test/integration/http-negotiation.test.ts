// Content negotiation is decided once, as Apollo Server decides it: a browser asking for a page
// gets one and nothing runs; every other request is authenticated first; refusals made before
// GraphQL runs carry the media type the client accepts, as the public contract states.
import { Role } from '../../src/auth/roles';
import { sqlStatementCount } from '../../src/db/statement-counter';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await TestApp.start();
  admin = await app.token({ sub: 'negotiation.admin', agency: 'NEGOTIATION-HQ', roles: [Role.ADMIN] });
});
afterAll(() => app.stop());

const VIEWER = '{ viewer { subject } }';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';
const auditRows = (requestId: string) => app.query('SELECT actor, operation, outcome FROM audit_event WHERE request_id = $1', [requestId]);

describe('GET /graphql and the Accept header', () => {
  it.each([
    'application/json, text/html',
    'application/graphql-response+json, text/html',
    '*/*',
    'application/json;q=0.5, text/html;q=0.5',
  ])('Accept: %s without a token is 401 UNAUTHENTICATED and audited (it skipped authentication and answered 500)', async (accept) => {
    const res = await app.http().get('/graphql').query({ query: VIEWER }).set('accept', accept);
    expect(res.status).toBe(401);
    expect(JSON.parse(res.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await auditRows(res.headers['x-request-id'])).toEqual([{ actor: 'unauthenticated', operation: 'authenticate', outcome: 'DENIED' }]);
  });

  it('Accept: application/json, text/html with a token runs the query as JSON', async () => {
    const res = await app.http().get('/graphql').query({ query: VIEWER }).set('accept', 'application/json, text/html').set('authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toEqual({ data: { viewer: { subject: 'negotiation.admin' } } });
  });

  it("a browser's Accept gets the GraphQL page, and nothing runs, even with a query in the URL", async () => {
    const browserAccept = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
    const statements = sqlStatementCount();
    const res = await app.http().get('/graphql').query({ query: 'mutation { agencyCreate(input: { code: "VIA-PAGE", name: "x", jurisdiction: "FR" }) { agency { id } } }' })
      .set('accept', browserAccept);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(sqlStatementCount()).toBe(statements);
    expect(await app.query(`SELECT id FROM agency WHERE code = 'VIA-PAGE'`)).toEqual([]);
  });
});

describe('refusals made before GraphQL runs', () => {
  const refusals: Array<[string, (accept: string) => Promise<{ status: number; headers: Record<string, string>; text: string }>, number, string]> = [
    ['a missing token', (accept) => app.http().post('/graphql').set('accept', accept).set('content-type', 'application/json').send({ query: VIEWER }), 401, 'UNAUTHENTICATED'],
    ['a body that is not JSON', (accept) => app.http().post('/graphql').set('accept', accept).set('authorization', `Bearer ${admin}`)
      .set('content-type', 'application/json').send('{not json'), 400, 'BAD_REQUEST'],
    ['a document over the size limit', (accept) => app.http().post('/graphql').set('accept', accept).set('authorization', `Bearer ${admin}`)
      .send({ query: `{ viewer { subject } } ${'#'.repeat(110_000)}` }), 400, 'GRAPHQL_VALIDATION_FAILED'],
    ['a body over the size limit', (accept) => app.http().post('/graphql').set('accept', accept).set('authorization', `Bearer ${admin}`)
      .set('content-type', 'application/json').send(JSON.stringify({ query: VIEWER, pad: 'x'.repeat(1_100_000) })), 413, 'BAD_REQUEST'],
    ['a batch', (accept) => app.http().post('/graphql').set('accept', accept).set('authorization', `Bearer ${admin}`)
      .send([{ query: VIEWER }, { query: VIEWER }]), 400, 'BAD_REQUEST'],
  ];

  it.each(refusals)('%s is answered as application/graphql-response+json when the client asks for it', async (_name, send, status, code) => {
    const res = await send(`${GRAPHQL_RESPONSE}, application/json;q=0.9`);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/graphql-response\+json/);
    const body = JSON.parse(res.text);
    expect(body.errors[0].extensions).toEqual({ code, requestId: res.headers['x-request-id'] });
  });

  it.each(refusals)('%s is answered as application/json otherwise', async (_name, send, status) => {
    for (const accept of ['application/json', '*/*', 'text/plain']) {
      const res = await send(accept);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
    }
  });
});

describe('GET queries', () => {
  it('with an Authorization header and no content type run (urql GET mode): such a request is never a simple cross-site one', async () => {
    const res = await app.http().get('/graphql').query({ query: VIEWER }).set('authorization', `Bearer ${admin}`);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toEqual({ data: { viewer: { subject: 'negotiation.admin' } } });
  });
});

describe('the schema for client tooling', () => {
  it('says which specifications DateTime and CountryCode follow', async () => {
    const res = await app.graphql(admin, '{ dt: __type(name: "DateTime") { specifiedByURL } cc: __type(name: "CountryCode") { specifiedByURL } }');
    expect(res.body.data).toEqual({
      dt: { specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339' },
      cc: { specifiedByURL: 'https://www.iso.org/iso-3166-country-codes.html' },
    });
  });

  it('documents Viewer and Location as unnormalised for client caches', async () => {
    const res = await app.graphql(admin, '{ v: __type(name: "Viewer") { description } l: __type(name: "Location") { description } }');
    expect(res.body.data.v.description).toMatch(/unnormalised/);
    expect(res.body.data.l.description).toMatch(/unnormalised/);
  });
});
