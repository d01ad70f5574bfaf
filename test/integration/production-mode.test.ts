// NODE_ENV=production (createRegistryServer's `production`): no introspection, no field
// suggestions, no stack traces, and unexpected faults masked as INTERNAL_SERVER_ERROR with the
// request id and no details.
import { Role } from '../../src/auth/roles';
import { makeAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await TestApp.start({ production: true });
  const agency = await makeAgency(app, { jurisdiction: 'FR' });
  token = await agency.token([Role.OFFICER, Role.ANALYST]);
  await makeSeizure(app, token);
});
afterAll(() => app.stop());

const post = async (query: string, variables?: Record<string, unknown>) => {
  const res = await app.http().post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${token}`).send({ query, variables });
  return { status: res.status, body: res.body, text: res.text, requestId: res.headers['x-request-id'] as string };
};

it('refuses introspection', async () => {
  for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Seizure") { fields { name } } }']) {
    const res = await post(query);
    expect(res.status).toBe(400);
    expect(res.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(res.text).not.toContain('reference');
  }
});

it.each([
  ['a misspelt field', '{ seizures { nodez { id } } }', 'nodes', {}],
  ['a misspelt argument', '{ seizures(frist: 5) { totalCount } }', 'first', {}],
  ['a misspelt enum value', '{ seizures(filter: { itemKind: [ENGIN] }) { totalCount } }', 'ENGINE', {}],
  ['a misspelt input field', '{ seizures(filter: { refrence: "x" }) { totalCount } }', 'reference', {}],
  ['a misspelt enum value in a variable', 'query ($k: [ItemKind!]) { seizures(filter: { itemKind: $k }) { totalCount } }', 'ENGINE', { k: ['ENGIN'] }],
  ['a misspelt input field in a variable', 'query ($f: SeizureFilter) { seizures(filter: $f) { totalCount } }', 'reference', { f: { refrence: 'x' } }],
])('suggests nothing for %s', async (_name, query, suggestion, variables) => {
  const res = await post(query, variables);
  expect(res.status).toBe(400);
  expect(res.body.errors.length).toBeGreaterThan(0);
  expect(res.text).not.toMatch(/did you mean/i);
  expect(res.text).not.toContain(`"${suggestion}"`);
});

it('sends no stack trace with any error', async () => {
  const errors = [
    (await post('{ seizures { nodez { id } } }')).body.errors,
    (await post('{ seizures(first: 500) { totalCount } }')).body.errors,
    (await post('query ($at: DateTime) { seizures(filter: { seizedFrom: $at }) { totalCount } }', { at: 'yesterday' })).body.errors,
    (await post('{ auditEvents { totalCount } }')).body.errors,
  ];
  for (const list of errors) {
    expect(list.length).toBeGreaterThan(0);
    for (const error of list) expect(Object.keys(error.extensions).sort()).toEqual(expect.not.arrayContaining(['stacktrace', 'exception']));
  }
  expect(JSON.stringify(errors)).not.toMatch(/\bat .+\.(ts|js):\d+/);
});

it('masks an unexpected fault as INTERNAL_SERVER_ERROR with the request id, and tells nothing of it', async () => {
  // A fault the code does not expect: the table behind `route` has gone.
  await app.query('ALTER TABLE route_leg RENAME TO route_leg_gone');
  try {
    const res = await post('{ seizures { nodes { reference route { country } } } }');
    expect(res.body.data).toBeNull();
    expect(res.body.errors.length).toBeGreaterThan(0);
    for (const error of res.body.errors) {
      expect(error.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: res.requestId });
      expect(error.message).toMatch(/request id/);
    }
    expect(res.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.text).not.toMatch(/route_leg|relation|SELECT|postgres|QueryFailedError/i);
  } finally {
    await app.query('ALTER TABLE route_leg_gone RENAME TO route_leg');
  }
});
