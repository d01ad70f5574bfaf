import { DomainError } from '../../shared/domain-error';
import type { RequestContext } from '../context';
import { toGlobalId } from '../relay/global-id';
import type { UserError } from './user-error';

/** Every mutation payload: its nullable result fields plus `userErrors`. */
export interface PayloadShape {
  userErrors: UserError[];
}

/**
 * Runs a mutation's work and shapes its payload: the result on success, or the domain
 * error's problems as `userErrors` (with whatever result the error carries). Anything else
 * is a fault and propagates to the error masking.
 */
export async function toPayload<R extends object>(
  context: RequestContext,
  work: () => Promise<R>,
  onError: (result: unknown) => R,
): Promise<R & PayloadShape> {
  try {
    const result = await work();
    noteRecords(context, Object.values(result));
    return { ...result, userErrors: [] };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    noteRecords(context, [error.result]);
    return {
      ...onError(error.result),
      userErrors: error.problems.map((p) => ({ code: p.code, message: p.message, field: p.field })),
    };
  }
}

/** The audit trail names the records a mutation created or changed (or, refused, the one it met). */
function noteRecords(context: RequestContext, values: unknown[]): void {
  for (const value of values) {
    const type = value && typeof value === 'object' ? context.nodes.typeNameOf(value) : undefined;
    if (type) context.audit.entityIds.push(toGlobalId(type, (value as { id: string }).id));
  }
}
