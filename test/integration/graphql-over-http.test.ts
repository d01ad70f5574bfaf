// The GraphQL-over-HTTP audits that graphql-http ships, run against the real server: every
// MUST passes; SHOULD and MAY results are printed, not asserted.
import { serverAudits, type AuditResult } from 'graphql-http';
import { Role } from '../../src/auth/roles';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let results: AuditResult[];

/**
 * fetch as a partner's client sends it: with its bearer token, and with Apollo's CSRF preflight
 * header, which every GET must carry here (CSRF prevention stays on; browsers cannot send it
 * cross-site without a preflight).
 */
function partnerFetch(token: string): typeof fetch {
  return (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    headers.set('apollo-require-preflight', 'true');
    return fetch(input, { ...init, headers });
  };
}

beforeAll(async () => {
  app = await TestApp.start();
  const token = await app.token({ sub: 'audit.client', agency: 'HTTP-AUDIT', roles: [Role.ANALYST] });
  const audits = serverAudits({ url: `${app.baseUrl}/graphql`, fetchFn: partnerFetch(token) });
  results = [];
  for (const audit of audits) results.push(await audit.fn());
  const failed = results.filter((r) => r.status !== 'ok');
  // eslint-disable-next-line no-console
  console.log([
    `graphql-http audits: ${results.length - failed.length} of ${results.length} passed`
      + ` (MUST: ${results.filter((r) => r.name.startsWith('MUST') && r.status === 'ok').length} of ${results.filter((r) => r.name.startsWith('MUST')).length})`,
    ...failed.map((r) => `  ${r.status} ${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`),
  ].join('\n'));
});
afterAll(() => app.stop());

it('ran the audits, with MUST among them', () => {
  expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThan(10);
});

it('passes every MUST audit', () => {
  const failedMusts = results
    .filter((r) => r.name.startsWith('MUST') && r.status !== 'ok')
    .map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
  expect(failedMusts).toEqual([]);
});
