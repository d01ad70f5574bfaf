// GraphQL over HTTP as Apollo is configured here: batches off, mutations only over POST,
// CSRF prevention on (a request with an Authorization header counts as preflighted). Each refusal runs nothing and leaves no audit event.
import { Role } from '../../src/auth/roles';
import { sqlStatementCount } from '../../src/db/statement-counter';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let admin: string;

beforeAll(async () => {
  app = await TestApp.start();
  admin = await app.token({ sub: 'transport.admin', agency: 'TRANSPORT-HQ', roles: [Role.ADMIN] });
});
afterAll(() => app.stop());

const createAgency = (code: string) =>
  `mutation { agencyCreate(input: { code: "${code}", name: "Made by a transport test", jurisdiction: "FR" }) { agency { id } userErrors { code } } }`;
const agencyRows = (code: string) => app.query('SELECT id FROM agency WHERE code = $1', [code]);
const auditRows = (requestId: string) => app.query('SELECT operation FROM audit_event WHERE request_id = $1', [requestId]);

it('refuses a batch (a JSON array body) with 400, running none of its operations', async () => {
  const statements = sqlStatementCount();
  const res = await app.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${admin}`)
    .send([{ query: createAgency('BATCH-1') }, { query: createAgency('BATCH-2') }]);
  expect(sqlStatementCount()).toBe(statements);
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', requestId: res.headers['x-request-id'] });
  expect(await agencyRows('BATCH-1')).toEqual([]);
  expect(await agencyRows('BATCH-2')).toEqual([]);
});

it('refuses a mutation sent over GET with 405 and Allow: POST, storing and auditing nothing', async () => {
  const res = await app.http().get('/graphql').query({ query: createAgency('VIA-GET-2') })
    .set('authorization', `Bearer ${admin}`).set('apollo-require-preflight', 'true');
  expect(res.status).toBe(405);
  expect(res.headers.allow).toBe('POST');
  expect(res.body.data).toBeUndefined();
  expect(await agencyRows('VIA-GET-2')).toEqual([]);
  expect(await auditRows(res.headers['x-request-id'])).toEqual([]);
});

it('runs the same mutation over POST (control)', async () => {
  const res = await app.graphql(admin, createAgency('VIA-POST-2'));
  expect(res.status).toBe(200);
  expect(await agencyRows('VIA-POST-2')).toHaveLength(1);
});

it('refuses a GET query without an Authorization header, content type or preflight header (what a cross-site form could send)', async () => {
  const res = await app.http().get('/graphql').query({ query: '{ viewer { subject } }' });
  expect(res.status).toBe(401);
  expect(res.text).not.toContain('transport.admin');
});

it('runs a GET query that carries a JSON content type', async () => {
  const res = await app.http().get('/graphql').query({ query: '{ viewer { subject } }' })
    .set('authorization', `Bearer ${admin}`).set('content-type', 'application/json');
  expect(res.status).toBe(200);
  expect(res.body).toEqual({ data: { viewer: { subject: 'transport.admin' } } });
});

it('leaves no audit event for a mutation whose variables do not coerce (nothing ran)', async () => {
  const res = await app.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${admin}`).send({
    query: 'mutation ($input: AgencyCreateInput!) { agencyCreate(input: $input) { agency { id } } }',
    variables: { input: { code: 'BAD-COUNTRY', name: 'Nowhere', jurisdiction: 'XX' } },
  });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(await agencyRows('BAD-COUNTRY')).toEqual([]);
  expect(await auditRows(res.headers['x-request-id'])).toEqual([]);
});
