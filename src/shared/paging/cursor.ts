import { invalidArgument } from '../refusal';

/**
 * What one component of a cursor's key may hold. A cursor is checked whole when it is read, so
 * that a forged or damaged one is refused as BAD_USER_INPUT instead of failing a SQL cast:
 * - `instant`: a time as `Date.prototype.toISOString` writes it, and a real one (no month 13);
 * - `uuid`: a database id;
 * - `decimal`: a finite number, kept as decimal text (scores are exact numerics in SQL);
 * - `position`: an integer from 0 to PostgreSQL's integer maximum;
 * - `token`: a short opaque word (letters, digits, `-`, `_`), e.g. which search a cursor belongs to.
 */
export type CursorPart = 'instant' | 'uuid' | 'decimal' | 'position' | 'token';

/** A list's sort key: the name and type of each component, in the order they are written. */
export type CursorParts = Readonly<Record<string, CursorPart>>;

type PartValue<P extends CursorPart> = P extends 'position' ? number : string;

/** A decoded key of a list whose cursor has these parts. */
export type CursorKey<F extends CursorParts> = { readonly [K in keyof F]: PartValue<F[K]> };

/** Encodes and decodes the cursors of one list. */
export interface CursorCodec<F extends CursorParts> {
  /** Tells cursors of different lists apart. */
  readonly kind: string;
  readonly parts: F;
  encode(key: CursorKey<F>): string;
  /** The key of a cursor of this list given as `argument` (`after`, `before`); anything else is refused as BAD_USER_INPUT naming it. */
  decode(cursor: string, argument: string): CursorKey<F>;
  /** Whether two keys name the same position (compared by value: `0.5` and `0.500000` are one score). */
  same(a: CursorKey<F>, b: CursorKey<F>): boolean;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECIMAL = /^-?\d{1,30}(\.\d{1,30})?$/;
const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;
const MAX_POSITION = 2_147_483_647;
/** Far longer than any cursor written here; longer text is refused before it is decoded. */
const MAX_CURSOR_LENGTH = 1000;

/** Each part's check, returning the value in its normal form, or undefined when it cannot be one. */
const READERS: { readonly [P in CursorPart]: (value: unknown) => PartValue<P> | undefined } = {
  // The round trip refuses what matches the pattern but is no instant ("2026-13-45T99:00:00.000Z").
  instant: (v) => (typeof v === 'string' && INSTANT.test(v) && !Number.isNaN(Date.parse(v)) && new Date(v).toISOString() === v ? v : undefined),
  uuid: (v) => (typeof v === 'string' && UUID.test(v) ? v.toLowerCase() : undefined),
  decimal: (v) => {
    if (typeof v === 'string') return DECIMAL.test(v) ? v : undefined;
    // A JSON number: only a plain one, so its text is a decimal PostgreSQL reads exactly.
    return typeof v === 'number' && Number.isFinite(v) && DECIMAL.test(String(v)) ? String(v) : undefined;
  },
  position: (v) => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 && v <= MAX_POSITION ? v : undefined),
  token: (v) => (typeof v === 'string' && TOKEN.test(v) ? v : undefined),
};

const EQUAL: { readonly [P in CursorPart]: (a: PartValue<P>, b: PartValue<P>) => boolean } = {
  instant: (a, b) => Date.parse(a) === Date.parse(b),
  uuid: (a, b) => a.toLowerCase() === b.toLowerCase(),
  decimal: (a, b) => Number(a) === Number(b),
  position: (a, b) => a === b,
  token: (a, b) => a === b,
};

/** Reads the JSON array inside a cursor, or null when it is not base64url of one. */
function parseCursor(cursor: unknown): unknown[] | null {
  if (typeof cursor !== 'string' || cursor.length === 0 || cursor.length > MAX_CURSOR_LENGTH) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * The cursor codec of a list whose sort key has these parts. Cursors are opaque to clients:
 * base64url of the JSON array `[kind, ...values]` (keyset pagination, never offsets).
 */
export function cursorCodec<const F extends CursorParts>(kind: string, parts: F): CursorCodec<F> {
  const names = Object.keys(parts) as Array<keyof F & string>;
  return {
    kind,
    parts,
    encode(key) {
      return Buffer.from(JSON.stringify([kind, ...names.map((name) => key[name])]), 'utf8').toString('base64url');
    },
    decode(cursor, argument) {
      const parsed = parseCursor(cursor);
      if (!parsed || parsed[0] !== kind || parsed.length !== names.length + 1) {
        throw invalidArgument(`\`${argument}\` is not a cursor of this list`, argument);
      }
      const key: Record<string, string | number> = {};
      names.forEach((name, i) => {
        const value = (READERS[parts[name]] as (v: unknown) => string | number | undefined)(parsed[i + 1]);
        if (value === undefined) throw invalidArgument(`\`${argument}\` is not a cursor of this list (its ${name} is not a valid ${parts[name]})`, argument);
        key[name] = value;
      });
      return key as CursorKey<F>;
    },
    same(a, b) {
      return names.every((name) => (EQUAL[parts[name]] as (x: unknown, y: unknown) => boolean)(a[name], b[name]));
    },
  };
}
