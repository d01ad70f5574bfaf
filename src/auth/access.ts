import { forbidden } from '../shared/refusal';
import type { Caller, CallerAgency } from './caller';
import { readsBusinessData } from './caller';
import { Role } from './roles';

/** A caller whose agency is registered. */
export type RegisteredCaller = Caller & { agency: CallerAgency };

function registered(caller: Caller): RegisteredCaller {
  if (!caller.agency) {
    throw forbidden(`agency ${caller.agencyCode} is not registered: ask an ADMIN to register it first`);
  }
  return caller as RegisteredCaller;
}

/** Reading seizures, items and the rest of the business data: OFFICER or ANALYST of a registered agency. */
export function requireBusinessReader(caller: Caller): RegisteredCaller {
  if (!readsBusinessData(caller)) throw forbidden('reading business data needs the OFFICER or ANALYST role');
  return registered(caller);
}

/** An operation reserved to a role (or any of several); `agency: 'registered'` also requires the caller's agency to be registered. */
export function requireRole(caller: Caller, role: Role | Role[], agency: 'registered'): RegisteredCaller;
export function requireRole(caller: Caller, role: Role | Role[], agency: 'any'): Caller;
export function requireRole(caller: Caller, role: Role | Role[], agency: 'registered' | 'any'): Caller {
  const allowed = ([] as Role[]).concat(role);
  if (!allowed.some((r) => caller.roles.has(r))) throw forbidden(`this operation needs the ${allowed.join(' or ')} role`);
  return agency === 'registered' ? registered(caller) : caller;
}
