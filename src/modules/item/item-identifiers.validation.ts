import { ErrorCode, type Problems } from '../../shared/domain-error';
import { parseHin } from './hin';
import { hasWildcards, IDENTIFIER_MAX_LENGTH, normaliseIdentifier } from './identifier';

/** An identifier as recorded, with the normalised key it is looked up and matched by. */
export interface RecordedIdentifier {
  raw: string | null;
  key: string | null;
}

const NONE: RecordedIdentifier = { raw: null, key: null };

/**
 * Checks one recorded identifier (serial, HIN or batch). A damaged mark is kept as read, with
 * `?`/`*` for unreadable characters; an intact one may not contain them, and a HIN must be a
 * valid hull identification number.
 */
export function recordIdentifier(
  value: string | null | undefined,
  kind: 'serialNumber' | 'hin' | 'batchNumber',
  markDamaged: boolean,
  field: string[],
  problems: Problems,
): RecordedIdentifier {
  if (value === null || value === undefined || value.trim() === '') return NONE;
  const raw = value.trim();
  if (raw.length > IDENTIFIER_MAX_LENGTH) {
    problems.add(ErrorCode.INVALID_INPUT, `${kind} must be at most ${IDENTIFIER_MAX_LENGTH} characters, got ${raw.length}`, field);
    return NONE;
  }
  const key = normaliseIdentifier(raw);
  if (key === '' || /^[?*]+$/.test(key)) {
    problems.add(ErrorCode.INVALID_IDENTIFIER, `${kind} '${raw}' has no readable letters or digits`, field);
    return NONE;
  }
  if (!markDamaged && hasWildcards(key)) {
    problems.add(
      ErrorCode.INVALID_IDENTIFIER,
      `${kind} '${raw}' marks unreadable characters with ? or *: set markDamaged to record a damaged mark`,
      field,
    );
    return NONE;
  }
  if (kind === 'hin' && !markDamaged) {
    const parsed = parseHin(raw);
    if (!parsed.ok) {
      problems.add(ErrorCode.INVALID_IDENTIFIER, `${parsed.message} (set markDamaged if the mark is damaged or altered)`, field);
      return NONE;
    }
    return { raw, key: parsed.hin.normalised };
  }
  return { raw, key };
}
