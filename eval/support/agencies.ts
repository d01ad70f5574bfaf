// Two agencies in two jurisdictions, registered by an ADMIN, each with an OFFICER+ANALYST token.
import { Role } from '../../src/auth/roles';
import { expectNoUserErrors, type UserError } from './graphql-client';
import type { Registry } from './registry';

export interface EvalAgency {
  code: string;
  jurisdiction: string;
  /** OFFICER and ANALYST of this agency: records seizures and suppliers, reads. */
  token: string;
}

export interface EvalAgencies {
  a: EvalAgency;
  b: EvalAgency;
}

const AGENCIES = [
  { code: 'EV-A', name: 'Evaluation agency A (France)', jurisdiction: 'FR' },
  { code: 'EV-B', name: 'Evaluation agency B (United Kingdom)', jurisdiction: 'GB' },
] as const;

const AGENCY_CREATE = `
  mutation AgencyCreate($input: AgencyCreateInput!) {
    agencyCreate(input: $input) { agency { id code } userErrors { code message field } }
  }`;

export async function registerAgencies(registry: Registry): Promise<EvalAgencies> {
  const admin = await registry.token('eval-admin', AGENCIES[0].code, [Role.ADMIN]);
  const [a, b] = await Promise.all(
    AGENCIES.map(async (agency) => {
      const data = await registry.client.request<{ agencyCreate: { userErrors: UserError[] } }>(
        admin, 'AgencyCreate', AGENCY_CREATE, { input: agency },
      );
      expectNoUserErrors(`agencyCreate ${agency.code}`, data.agencyCreate.userErrors);
      const token = await registry.token(`eval-${agency.code.toLowerCase()}`, agency.code, [Role.OFFICER, Role.ANALYST]);
      return { code: agency.code, jurisdiction: agency.jurisdiction, token };
    }),
  );
  return { a, b };
}
