import { badUserInput } from '../errors/graphql-errors';

/** The sort key of the last row of a page, as an opaque string (keyset pagination, not offsets). */
export function encodeCursor(kind: string, key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([kind, ...key]), 'utf8').toString('base64url');
}

/** Reads a cursor made by `encodeCursor` for the same list; anything else is refused as BAD_USER_INPUT. */
export function decodeCursor(cursor: string, kind: string, arity: number): (string | number)[] {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed[0] === kind &&
      parsed.length === arity + 1 &&
      parsed.slice(1).every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return parsed.slice(1);
    }
  } catch {
    // fall through to the refusal below
  }
  throw badUserInput('`after` is not a cursor of this list', 'after');
}
