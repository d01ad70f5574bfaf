/**
 * An operation refused as a whole, before or instead of doing anything: the caller may not call
 * it, or one of its arguments is out of range or malformed. Services and rules throw it; the
 * GraphQL layer maps it to an error code in one place (`graphql/errors/error-policy.ts`). A
 * mutation's refusal of its input is a DomainError instead, answered as user errors.
 */
export class Refusal extends Error {
  constructor(
    readonly kind: 'FORBIDDEN' | 'INVALID_ARGUMENT',
    message: string,
    /** The argument at fault, for INVALID_ARGUMENT (e.g. `after`, `maxDepth`). */
    readonly argument?: string,
  ) {
    super(message);
  }
}

/** The caller's roles or agency do not allow the operation. */
export function forbidden(message: string): Refusal {
  return new Refusal('FORBIDDEN', message);
}

/** A query argument out of range or malformed; nothing ran. */
export function invalidArgument(message: string, argument?: string): Refusal {
  return new Refusal('INVALID_ARGUMENT', message, argument);
}
