import { Role } from '../../src/auth/roles';
import type { TestApp } from '../setup/test-app';

let sequence = 0;

export interface TestAgency {
  id: string;
  code: string;
  jurisdiction: string;
  /** A token of a user of this agency with these roles (default OFFICER and ANALYST). */
  token(roles?: Role[], sub?: string): Promise<string>;
}

/** Registers an agency through the API as an ADMIN, with a unique code. */
export async function makeAgency(app: TestApp, overrides: { code?: string; jurisdiction?: string; name?: string } = {}): Promise<TestAgency> {
  sequence += 1;
  const code = overrides.code ?? `T${process.pid % 1000}-${sequence}-${Math.random().toString(36).slice(2, 6)}`.toUpperCase();
  const admin = await app.token({ sub: 'test.admin', agency: 'ADMIN-HQ', roles: [Role.ADMIN] });
  const res = await app.graphql(admin, `mutation ($input: AgencyCreateInput!) {
      agencyCreate(input: $input) { agency { id code jurisdiction } userErrors { code message field } } }`, {
    input: { code, name: overrides.name ?? `Test agency ${code}`, jurisdiction: overrides.jurisdiction ?? 'FR' },
  });
  const payload = res.body.data?.agencyCreate;
  if (!payload?.agency) throw new Error(`makeAgency failed: ${JSON.stringify(res.body)}`);
  return {
    ...payload.agency,
    token: (roles = [Role.OFFICER, Role.ANALYST], sub = `officer.${code.toLowerCase()}`) =>
      app.token({ sub, agency: code, roles }),
  };
}
