// Text holding a NUL character (U+0000), which PostgreSQL cannot store or compare, is refused
// before anything runs, wherever it is sent: found by fuzzing, where it was a 500 or an
// INTERNAL_SERVER_ERROR.
import { Role } from '../../src/auth/roles';
import { makeAgency } from '../factories/agency.factory';
import { RECORD_SEIZURE, makeSeizure, seizureInput } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let token: string;
let itemId: string;

beforeAll(async () => {
  app = await TestApp.start();
  const agency = await makeAgency(app);
  token = await agency.token([Role.OFFICER, Role.ANALYST]);
  itemId = (await makeSeizure(app, token)).items.nodes[0].id;
});
afterAll(() => app.stop());

const send = async (query: string, variables?: Record<string, unknown>) => {
  const res = await app.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${token}`).send({ query, variables });
  return { status: res.status, body: res.body, requestId: res.headers['x-request-id'] as string };
};
const auditEvents = (requestId: string) => app.query('SELECT id FROM audit_event WHERE request_id = $1', [requestId]);

it('refuses a NUL in a variable with BAD_USER_INPUT, storing and auditing nothing', async () => {
  const input = seizureInput({ notes: 'before\u0000after' });
  const res = await send(RECORD_SEIZURE, { input });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(res.body.errors[0].message).toMatch(/NUL character.*"\$input" at "input\.notes"/);
  expect(await app.query('SELECT id FROM seizure WHERE reference = $1', [input.reference])).toEqual([]);
  expect(await auditEvents(res.requestId)).toEqual([]);
});

it('refuses a NUL in an id, where it was an HTTP 500 (its audit event could not be written)', async () => {
  const res = await send('mutation ($input: ItemMatchDecideInput!) { itemMatchDecide(input: $input) { userErrors { code } } }', {
    input: { itemId, otherItemId: 'a\u0000b', status: 'CONFIRMED' },
  });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
});

it('refuses a NUL written in the query with GRAPHQL_VALIDATION_FAILED', async () => {
  const res = await send('{ seizures(filter: { reference: "x\\u0000y" }) { totalCount } }');
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(res.body.errors[0].message).toMatch(/NUL character/);
});

it('refuses a NUL in a query filter too', async () => {
  const res = await send('query ($ref: String) { seizures(filter: { reference: $ref }) { totalCount } }', { ref: '\u0000' });
  expect(res.status).toBe(400);
  expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
});

it('takes other control and unusual characters as text (control)', async () => {
  const input = seizureInput({ notes: 'tab\there \u0001 \u202e \ud83d\udca5' });
  const res = await send(RECORD_SEIZURE, { input });
  expect(res.status).toBe(200);
  expect(res.body.data.seizureRecord.userErrors).toEqual([]);
});

describe('variables nested without bound', () => {
  /** The request body as text: a JSON serialiser would itself overflow on such a value. */
  const sendText = async (body: string) => {
    const res = await app.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${token}`).send(body);
    return { status: res.status, body: res.body, requestId: res.headers['x-request-id'] as string };
  };
  const nestedJson = (depth: number, open: string, close: string, leaf = '"x"') => `${open.repeat(depth)}${leaf}${close.repeat(depth)}`;
  const FILTER = 'query ($ref: String) { seizures(filter: { reference: $ref }) { totalCount } }';

  it('a 100,000-deep array is refused with 400 BAD_USER_INPUT (it overflowed the stack: a 500), auditing nothing', async () => {
    const res = await sendText(`{"query":${JSON.stringify(FILTER)},"variables":{"ref":${nestedJson(100_000, '[', ']')}}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors[0].message).toMatch(/"\$ref" nests deeper than 32 levels/);
    expect(await auditEvents(res.requestId)).toEqual([]);
  });

  it('a 100,000-deep object inside a mutation input is refused the same way, storing nothing', async () => {
    const input = seizureInput();
    const inputJson = JSON.stringify(input).replace(/}$/, `,"notes":${nestedJson(100_000, '{"inner":', '}')}}`);
    const res = await sendText(`{"query":${JSON.stringify(RECORD_SEIZURE)},"variables":{"input":${inputJson}}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(await app.query('SELECT id FROM seizure WHERE reference = $1', [input.reference])).toEqual([]);
  });

  it('a NUL 20 levels down is still found, and named by its path', async () => {
    const res = await sendText(`{"query":${JSON.stringify(FILTER)},"variables":{"ref":${nestedJson(20, '[', ']', '"a\\u0000"')}}}`);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].message).toMatch(/NUL character.*"\$ref" at "ref(\.0){20}"/);
  });
});
