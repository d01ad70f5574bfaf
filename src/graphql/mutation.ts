import type { EntityManager } from 'typeorm';
import { requireRole, type RegisteredCaller } from '../auth/access';
import type { Caller } from '../auth/caller';
import type { Role } from '../auth/roles';
import type { RequestContext } from './context';
import { toPayload, type PayloadShape } from './errors/payload';

type Agency = 'registered' | 'any';
type CallerOf<A extends Agency> = A extends 'registered' ? RegisteredCaller : Caller;

/** Who may call a mutation: one of the roles, and (`'registered'`) an agency the registry knows. */
export interface MutationAccess<A extends Agency> {
  role: Role | Role[];
  agency: A;
}

/**
 * A mutation, written once: the caller's access is checked, the write runs in the request's
 * transaction, and its result is answered under `field` of the payload. A domain error is
 * answered as user errors with, under `field`, what `refused` makes of the record the error
 * carries (null unless given).
 */
export async function runMutation<F extends string, R, A extends Agency>(
  context: RequestContext,
  access: MutationAccess<A>,
  field: F,
  write: (manager: EntityManager, caller: CallerOf<A>) => Promise<R>,
  refused: (result: unknown) => R | null = () => null,
): Promise<{ [K in F]: R | null } & PayloadShape> {
  const found = await context.tx.caller();
  const caller = (access.agency === 'registered' ? requireRole(found, access.role, 'registered') : requireRole(found, access.role, 'any')) as CallerOf<A>;
  type Result = { [K in F]: R | null };
  return toPayload<Result>(
    context,
    async () => ({ [field]: await context.tx.write((manager) => write(manager, caller)) }) as Result,
    (result) => ({ [field]: refused(result) }) as Result,
  );
}

/** The record a domain error carries (the one already held for a reused key or reference), when there is one. */
export function recordMet<T>(result: unknown): T | null {
  return (result as T | null | undefined) ?? null;
}
