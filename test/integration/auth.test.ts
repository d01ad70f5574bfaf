import { SignJWT } from 'jose';
import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure, seizureInput, RECORD_SEIZURE } from '../factories/seizure.factory';
import { TEST_SECRET, TestApp, type GraphQLResult } from '../setup/test-app';

const CREATE_AGENCY = `mutation ($input: AgencyCreateInput!) {
  agencyCreate(input: $input) { agency { id code name jurisdiction } userErrors { code message field } }
}`;
const VIEWER = '{ viewer { subject roles agency { code name jurisdiction } } }';

const b64url = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

interface SignOptions {
  secret?: string;
  claims?: Record<string, unknown>;
  /** Seconds from now; null for a token without `exp`. */
  expiresIn?: number | null;
  issuer?: string;
  audience?: string;
}

/** A token signed here with jose, independently of the registry's own signer. */
function sign({ secret = TEST_SECRET, claims = {}, expiresIn = 3600, issuer, audience }: SignOptions = {}): Promise<string> {
  let jwt = new SignJWT({ agency: 'NOWHERE-1', roles: [Role.OFFICER], ...claims })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('token.tester')
    .setIssuedAt();
  if (expiresIn !== null) jwt = jwt.setExpirationTime(nowSeconds() + expiresIn);
  if (issuer) jwt = jwt.setIssuer(issuer);
  if (audience) jwt = jwt.setAudience(audience);
  return jwt.sign(new TextEncoder().encode(secret));
}

const codeOf = (res: GraphQLResult) => res.body.errors?.[0]?.extensions?.code;

let app: TestApp;
let home: TestAgency;

beforeAll(async () => {
  app = await TestApp.start();
  home = await makeAgency(app, { jurisdiction: 'FR', name: 'Brigade mobile de recherche Calais' });
});
afterAll(() => app.stop());

const agencyRows = (code: string) => app.query('SELECT code, name, jurisdiction FROM agency WHERE upper(code) = upper($1)', [code]);

/** Sends agencyCreate with a raw Authorization header (or none), as an attacker would. */
async function createAgencyWithHeader(authorization: string | null, code: string): Promise<GraphQLResult> {
  const req = app.http().post('/graphql').set('content-type', 'application/json');
  if (authorization !== null) req.set('authorization', authorization);
  const res = await req.send({ query: CREATE_AGENCY, variables: { input: { code, name: 'Should never exist', jurisdiction: 'FR' } } });
  return { status: res.status, body: res.body };
}

describe('a request without a valid token gets 401 UNAUTHENTICATED and runs nothing', () => {
  const adminClaims = { agency: 'HQ-ROOT', roles: [Role.ADMIN] };
  const cases: Array<[string, () => Promise<string | null>]> = [
    ['no Authorization header', async () => null],
    ['an empty Authorization header', async () => ''],
    ['another scheme than Bearer', async () => `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['a Bearer header without a token', async () => 'Bearer '],
    ['a malformed token', async () => 'Bearer not.a.jwt'],
    ['random text', async () => 'Bearer letmein'],
    ['an expired token', async () => `Bearer ${await app.token({ sub: 'late.admin', agency: 'HQ-ROOT', roles: [Role.ADMIN], expiresIn: -60 })}`],
    ['a token signed with another secret', async () => `Bearer ${await sign({ secret: 'another-secret-that-is-also-long-enough-0123456789', claims: adminClaims })}`],
    ['an alg:none token', async () => {
      const payload = { sub: 'forger', agency: 'HQ-ROOT', roles: [Role.ADMIN], iat: nowSeconds(), exp: nowSeconds() + 3600 };
      return `Bearer ${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(payload)}.`;
    }],
    ['a token whose payload was altered after signing', async () => {
      const [header, , signature] = (await app.token({ sub: 'plain.officer', agency: home.code, roles: [Role.OFFICER] })).split('.');
      const payload = { sub: 'plain.officer', agency: home.code, roles: [Role.ADMIN], exp: nowSeconds() + 3600 };
      return `Bearer ${header}.${b64url(payload)}.${signature}`;
    }],
    ['a token without exp', async () => `Bearer ${await sign({ claims: adminClaims, expiresIn: null })}`],
    ['a token with an unknown role', async () => `Bearer ${await sign({ claims: { agency: 'HQ-ROOT', roles: [Role.ADMIN, 'SUPERUSER'] } })}`],
    ['a token with roles that are not a list', async () => `Bearer ${await sign({ claims: { agency: 'HQ-ROOT', roles: 'ADMIN' } })}`],
    ['a token without an agency', async () => `Bearer ${await sign({ claims: { agency: undefined, roles: [Role.ADMIN] } })}`],
  ];

  it.each(cases.map(([name, header], i) => [name, header, `UNAUTH-${i + 1}`] as const))('%s', async (_name, header, code) => {
    const res = await createAgencyWithHeader(await header(), code);
    expect(res.status).toBe(401);
    expect(res.body.errors).toHaveLength(1);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeUndefined();
    expect(await agencyRows(code)).toEqual([]);
  });

  it('the same mutation with a valid ADMIN token does create the agency (control)', async () => {
    const token = await app.token({ sub: 'root.admin', agency: 'HQ-ROOT', roles: [Role.ADMIN] });
    const res = await createAgencyWithHeader(`Bearer ${token}`, 'UNAUTH-CONTROL');
    expect(res.status).toBe(200);
    expect(res.body.data.agencyCreate.userErrors).toEqual([]);
    expect(await agencyRows('UNAUTH-CONTROL')).toHaveLength(1);
  });
});

describe('when the registry requires an issuer and an audience', () => {
  let strict: TestApp;
  beforeAll(async () => {
    strict = await TestApp.start({ tokens: { issuer: 'registry-test', audience: 'registry' } });
  });
  afterAll(() => strict.stop());

  it.each<[string, SignOptions]>([
    ['neither iss nor aud', {}],
    ['iss only', { issuer: 'registry-test' }],
    ['aud only', { audience: 'registry' }],
    ['a wrong iss', { issuer: 'someone-else', audience: 'registry' }],
    ['a wrong aud', { issuer: 'registry-test', audience: 'billing' }],
  ])('refuses a token with %s', async (_name, options) => {
    const res = await strict.graphql(await sign(options), VIEWER);
    expect(res.status).toBe(401);
    expect(codeOf(res)).toBe('UNAUTHENTICATED');
    expect(res.body.data).toBeUndefined();
  });

  it('accepts a token with both', async () => {
    const res = await strict.graphql(await sign({ issuer: 'registry-test', audience: 'registry' }), VIEWER);
    expect(res.status).toBe(200);
    expect(res.body.data.viewer).toMatchObject({ subject: 'token.tester', roles: [Role.OFFICER] });
  });
});

describe('viewer and agencies: open to every authenticated caller', () => {
  it('viewer returns the subject, roles and registered agency', async () => {
    const res = await app.graphql(await home.token([Role.AUDITOR], 'claire.audit'), VIEWER);
    expect(res.body).toEqual({
      data: { viewer: { subject: 'claire.audit', roles: [Role.AUDITOR], agency: { code: home.code, name: 'Brigade mobile de recherche Calais', jurisdiction: 'FR' } } },
    });
  });

  it('viewer works for an agency that is not registered, with agency null', async () => {
    const token = await app.token({ sub: 'new.officer', agency: 'GHOST-UNIT', roles: [Role.OFFICER, Role.ANALYST] });
    const res = await app.graphql(token, VIEWER);
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.viewer).toEqual({ subject: 'new.officer', roles: [Role.OFFICER, Role.ANALYST], agency: null });
  });

  it.each<[string, () => Promise<string>]>([
    ['an AUDITOR', () => home.token([Role.AUDITOR])],
    ['an ADMIN alone', () => home.token([Role.ADMIN])],
    ['a caller of an unregistered agency', () => app.token({ sub: 'lost.analyst', agency: 'GHOST-UNIT', roles: [Role.ANALYST] })],
  ])('agencies is readable by %s', async (_name, token) => {
    const res = await app.graphql(await token(), '{ agencies { id code jurisdiction } }');
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.agencies).toContainEqual({ id: home.id, code: home.code, jurisdiction: 'FR' });
  });
});

describe('business data is refused to AUDITOR and ADMIN alone (separation of duties)', () => {
  let seizure: any;
  beforeAll(async () => {
    seizure = await makeSeizure(app, await home.token([Role.OFFICER]), {
      reference: 'CAL-SOD-0042',
      items: [{ kind: 'ENGINE', serialNumber: 'SOD-ENGINE-9911' }],
    });
  });

  const reads: Array<[string, string, (s: any) => Record<string, unknown>]> = [
    ['seizures', '{ seizures { totalCount nodes { reference } } }', () => ({})],
    ['seizure', 'query ($id: ID!) { seizure(id: $id) { reference } }', (s) => ({ id: s.id })],
    ['items', '{ items { totalCount nodes { serialNumber } } }', () => ({})],
    ['item', 'query ($id: ID!) { item(id: $id) { serialNumber } }', (s) => ({ id: s.items.nodes[0].id })],
  ];
  const denied: Array<[string, Role[]]> = [
    ['AUDITOR', [Role.AUDITOR]],
    ['ADMIN', [Role.ADMIN]],
    ['AUDITOR+ADMIN', [Role.AUDITOR, Role.ADMIN]],
  ];

  it.each(denied.flatMap(([who, roles]) => reads.map(([field, query, vars]) => [who, field, roles, query, vars] as const)))(
    '%s gets FORBIDDEN on %s',
    async (_who, field, roles, query, vars) => {
      const res = await app.graphql(await home.token(roles), query, vars(seizure));
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(res.body.errors?.[0].path).toEqual([field]);
      expect(JSON.stringify(res.body)).not.toMatch(/CAL-SOD-0042|SOD-ENGINE-9911/);
    },
  );

  it.each(reads)('an OFFICER of the agency reads %s (control)', async (_field, query, vars) => {
    const res = await app.graphql(await home.token([Role.OFFICER]), query, vars(seizure));
    expect(res.body.errors).toBeUndefined();
    expect(JSON.stringify(res.body.data)).toMatch(/CAL-SOD-0042|SOD-ENGINE-9911/);
  });
});

describe('a token whose agency is not registered', () => {
  const ghost = () => app.token({ sub: 'ghost.officer', agency: 'GHOST-UNIT', roles: [Role.OFFICER, Role.ANALYST] });

  it('gets FORBIDDEN on seizures', async () => {
    const res = await app.graphql(await ghost(), '{ seizures { totalCount } }');
    expect(codeOf(res)).toBe('FORBIDDEN');
    expect(res.body.data).toBeNull();
  });

  it('gets FORBIDDEN on seizureRecord, even as OFFICER, and stores nothing', async () => {
    const res = await app.graphql(await ghost(), RECORD_SEIZURE, { input: seizureInput({ reference: 'GHOST-REF-1' }) });
    const userError = res.body.data?.seizureRecord?.userErrors?.[0]?.code;
    expect(codeOf(res) ?? userError).toBe('FORBIDDEN');
    expect(res.body.data?.seizureRecord?.seizure ?? null).toBeNull();
    expect(await app.query(`SELECT id FROM seizure WHERE reference = 'GHOST-REF-1'`)).toEqual([]);
  });
});

describe('agencyCreate', () => {
  const adminOf = (agency: string) => app.token({ sub: 'registry.admin', agency, roles: [Role.ADMIN] });

  it.each<[string, Role[]]>([
    ['OFFICER', [Role.OFFICER]],
    ['ANALYST', [Role.ANALYST]],
    ['AUDITOR', [Role.AUDITOR]],
    ['OFFICER+ANALYST+AUDITOR', [Role.OFFICER, Role.ANALYST, Role.AUDITOR]],
  ])('is FORBIDDEN to %s and stores nothing', async (roles, roleList) => {
    const code = `NOPE-${roles.replace(/\W/g, '')}`;
    const res = await app.graphql(await home.token(roleList), CREATE_AGENCY, { input: { code, name: 'Not allowed', jurisdiction: 'FR' } });
    const userError = res.body.data?.agencyCreate?.userErrors?.[0]?.code;
    expect(codeOf(res) ?? userError).toBe('FORBIDDEN');
    expect(await agencyRows(code)).toEqual([]);
  });

  it('registers an agency for an ADMIN whose own agency is not registered, storing the code upper-case', async () => {
    const res = await app.graphql(await adminOf('EU-HQ-UNREGISTERED'), CREATE_AGENCY, {
      input: { code: ' nl-kmar-7 ', name: 'Koninklijke Marechaussee Hoek', jurisdiction: 'NL' },
    });
    expect(res.body.errors).toBeUndefined();
    const payload = res.body.data.agencyCreate;
    expect(payload.userErrors).toEqual([]);
    expect(payload.agency).toMatchObject({ code: 'NL-KMAR-7', name: 'Koninklijke Marechaussee Hoek', jurisdiction: 'NL' });
    expect(await agencyRows('NL-KMAR-7')).toEqual([{ code: 'NL-KMAR-7', name: 'Koninklijke Marechaussee Hoek', jurisdiction: 'NL' }]);

    const officer = await app.token({ sub: 'jan.officer', agency: 'NL-KMAR-7', roles: [Role.OFFICER] });
    const viewer = await app.graphql(officer, VIEWER);
    expect(viewer.body.data.viewer.agency).toMatchObject({ code: 'NL-KMAR-7' });
  });

  it('refuses a code already registered (whatever its case) with CONFLICT and keeps the first', async () => {
    const admin = await adminOf('EU-HQ-UNREGISTERED');
    const first = await app.graphql(admin, CREATE_AGENCY, { input: { code: 'BE-FGP-3', name: 'Federal Judicial Police Ostend', jurisdiction: 'BE' } });
    expect(first.body.data.agencyCreate.userErrors).toEqual([]);

    const again = await app.graphql(admin, CREATE_AGENCY, { input: { code: 'be-fgp-3', name: 'Impostor', jurisdiction: 'FR' } });
    expect(again.body.data.agencyCreate).toEqual({
      agency: null,
      userErrors: [expect.objectContaining({ code: 'CONFLICT', field: ['input', 'code'] })],
    });
    expect(await agencyRows('BE-FGP-3')).toEqual([{ code: 'BE-FGP-3', name: 'Federal Judicial Police Ostend', jurisdiction: 'BE' }]);
  });

  it.each<[string, Record<string, string>, string[]]>([
    ['a code with a space', { code: 'a b', name: 'Spaced agency' }, ['input', 'code']],
    ['a code of one character', { code: 'Q', name: 'Short code agency' }, ['input', 'code']],
    ['a code over 32 characters', { code: `LONG-${'X'.repeat(30)}`, name: 'Long code agency' }, ['input', 'code']],
    ['an empty name', { code: 'EMPTY-NAME-1', name: '   ' }, ['input', 'name']],
    ['a name over 500 characters', { code: 'LONG-NAME-1', name: 'N'.repeat(501) }, ['input', 'name']],
  ])('refuses %s with INVALID_INPUT naming the field, storing nothing', async (_name, input, field) => {
    const res = await app.graphql(await adminOf('EU-HQ-UNREGISTERED'), CREATE_AGENCY, { input: { jurisdiction: 'DE', ...input } });
    expect(res.body.data.agencyCreate.agency).toBeNull();
    expect(res.body.data.agencyCreate.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field })]);
    expect(await agencyRows(input.code.trim())).toEqual([]);
  });

  it('refuses an unassigned country with BAD_USER_INPUT before anything runs', async () => {
    const res = await app.graphql(await adminOf('EU-HQ-UNREGISTERED'), CREATE_AGENCY, {
      input: { code: 'XX-NOWHERE', name: 'Agency of nowhere', jurisdiction: 'XX' },
    });
    expect(res.status).toBe(400);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.body.data).toBeUndefined();
    expect(await agencyRows('XX-NOWHERE')).toEqual([]);
  });
});

describe('request id', () => {
  const viewerRequest = async (headers: Record<string, string>) => {
    const req = app.http().post('/graphql').set('content-type', 'application/json');
    for (const [name, value] of Object.entries(headers)) req.set(name, value);
    return req.send({ query: VIEWER });
  };

  it('is generated for every response, different each time', async () => {
    const token = await home.token();
    const [a, b] = await Promise.all([viewerRequest({ authorization: `Bearer ${token}` }), viewerRequest({ authorization: `Bearer ${token}` })]);
    expect(a.headers['x-request-id']).toMatch(/^[A-Za-z0-9._-]{8,}$/);
    expect(b.headers['x-request-id']).toMatch(/^[A-Za-z0-9._-]{8,}$/);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it("echoes the client's x-request-id", async () => {
    const res = await viewerRequest({ authorization: `Bearer ${await home.token()}`, 'x-request-id': 'abc-123' });
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('abc-123');
  });

  it('is named in errors, matching the header', async () => {
    const refused = await viewerRequest({ 'x-request-id': 'abc-124' });
    expect(refused.status).toBe(401);
    expect(refused.headers['x-request-id']).toBe('abc-124');
    expect(refused.body.errors[0].extensions.requestId).toBe('abc-124');

    const forbidden = await app.http().post('/graphql').set('authorization', `Bearer ${await home.token([Role.AUDITOR])}`)
      .set('x-request-id', 'abc-125').send({ query: '{ seizures { totalCount } }' });
    expect(forbidden.body.errors[0].extensions).toMatchObject({ code: 'FORBIDDEN', requestId: 'abc-125' });
  });

  it('replaces a client id that is not a short safe token', async () => {
    const res = await viewerRequest({ authorization: `Bearer ${await home.token()}`, 'x-request-id': `evil id ${'x'.repeat(80)}` });
    expect(res.headers['x-request-id']).toMatch(/^[A-Za-z0-9._-]{8,64}$/);
  });
});
