import { DomainError } from '../../shared/domain-error';
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
export async function toPayload<P extends PayloadShape>(
  work: () => Promise<Omit<P, 'userErrors'>>,
  onError: (result: unknown) => Omit<P, 'userErrors'>,
): Promise<P> {
  try {
    return { ...(await work()), userErrors: [] } as unknown as P;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return {
      ...onError(error.result),
      userErrors: error.problems.map((p) => ({ code: p.code, message: p.message, field: p.field })),
    } as unknown as P;
  }
}
