// The public contract's bounds on tokens: claims with control characters or over their bounds
// are refused at verification (401, audited with actor `(invalid)`), and one bad request never
// breaks a pooled connection for the callers after it.
import { SignJWT } from 'jose';
import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { TEST_SECRET, TestApp } from '../setup/test-app';

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** A correctly signed token with the given claims: only the claims themselves are wrong. */
function signClaims(claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt().setExpirationTime(nowSeconds() + 3600)
    .sign(new TextEncoder().encode(TEST_SECRET));
}

let app: TestApp;
let agency: TestAgency;

// One pooled connection: a connection left in a broken state would be the next caller's.
beforeAll(async () => {
  app = await TestApp.start({ poolSize: 1 });
  agency = await makeAgency(app, { jurisdiction: 'FR' });
});
afterAll(() => app.stop());

const valid = () => ({ sub: 'claims.tester', agency: agency.code, roles: [Role.ANALYST] });
const cases: Array<[string, Record<string, unknown>]> = [
  ['a NUL in the agency', { agency: `${'FR-X'}\u0000` }],
  ['a NUL in the subject', { sub: 'claims\u0000tester' }],
  ['a line feed in the subject', { sub: 'claims\ntester' }],
  ['a DEL in the agency', { agency: 'FR\u007fPAF' }],
  ['a C1 control character in the subject', { sub: 'claims\u0085tester' }],
  ['a control character in a role', { roles: ['ANALYST\u0000'] }],
  ['a subject over 256 characters', { sub: 's'.repeat(257) }],
  ['an agency over 64 characters', { agency: 'A'.repeat(65) }],
  ['over 10 roles', { roles: Array.from({ length: 11 }, () => Role.ANALYST) }],
];

describe('token claims', () => {
  it.each(cases)('%s: 401 UNAUTHENTICATED, audited as an invalid authentication, nothing runs', async (_name, wrong) => {
    const before = (await app.query(`SELECT count(*)::int AS n FROM audit_event WHERE actor = '(invalid)'`))[0].n;
    const res = await app.graphql(await signClaims({ ...valid(), ...wrong }), '{ viewer { subject } }');
    expect(res.status).toBe(401);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const events = await app.query(`SELECT operation, outcome FROM audit_event WHERE actor = '(invalid)'`);
    expect(events).toHaveLength(before + 1);
    expect(events[events.length - 1]).toEqual({ operation: 'authenticate', outcome: 'DENIED' });
  });

  it('a subject of exactly 256 characters and an agency of 64 are taken', async () => {
    const res = await app.graphql(await signClaims({ ...valid(), sub: 's'.repeat(256), agency: 'A'.repeat(64) }), '{ viewer { subject } }');
    expect(res.status).toBe(200);
    expect(res.body.data.viewer.subject).toHaveLength(256);
  });

  it('after a request with a NUL in its claims, six requests of other callers on the one pooled connection all succeed', async () => {
    await app.graphql(await signClaims({ ...valid(), agency: 'FR-X\u0000' }), '{ viewer { subject } }');
    const token = await agency.token([Role.ANALYST], 'next.caller');
    for (let i = 0; i < 6; i += 1) {
      const res = await app.graphql(token, '{ viewer { subject agency { code } } seizures(first: 1) { totalCount } }');
      expect(res.status).toBe(200);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.viewer).toEqual({ subject: 'next.caller', agency: { code: agency.code } });
    }
  });
});
