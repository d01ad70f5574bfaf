import { Role } from './roles';

/** The registered agency of a caller, as resolved at the start of their request's transaction. */
export interface CallerAgency {
  id: string;
  code: string;
  name: string;
  jurisdiction: string;
}

/** Who is asking: the verified token, and their agency if it is registered. */
export interface Caller {
  subject: string;
  agencyCode: string;
  agency: CallerAgency | null;
  roles: ReadonlySet<Role>;
}

/** Claims of a verified token, before the agency is looked up. */
export interface TokenClaims {
  subject: string;
  agencyCode: string;
  roles: Role[];
}

/** AUDITOR and ADMIN alone read no business data (separation of duties). */
export function readsBusinessData(caller: Caller): boolean {
  return caller.roles.has(Role.OFFICER) || caller.roles.has(Role.ANALYST);
}
