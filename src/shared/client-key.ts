import { DomainError, ErrorCode, type Problems } from './domain-error';
import { LIMITS, optionalText } from './text-fields';

const FIELD = ['input', 'clientKey'];

/** The optional `clientKey` of a create: trimmed, empty as none, at most 64 characters. */
export function clientKeyOf(value: string | null | undefined, problems: Problems): string | null {
  return optionalText(value, LIMITS.identifier, FIELD, problems);
}

/**
 * The answer to a create whose key the agency already used for that type: nothing stored,
 * the record first made with the key (null when the caller may not read it), and a
 * DUPLICATE_REFERENCE on `clientKey`, so that a client retrying after a timeout knows its
 * first call went through.
 */
export function clientKeyUsed(recordType: string, key: string, agencyCode: string, existing: unknown): DomainError {
  return DomainError.of(
    ErrorCode.DUPLICATE_REFERENCE,
    `clientKey '${key}' was already used by ${agencyCode} for a ${recordType}; nothing was stored again`,
    FIELD,
    existing ?? null,
  );
}
