import { ErrorCode, type Problems } from './domain-error';

/** Length limits of the public contract: references and identifiers 64, names and descriptions 500, notes 10,000. */
export const LIMITS = { identifier: 64, name: 500, notes: 10_000 } as const;

/**
 * An optional free-text field: trimmed, empty becomes null, refused (INVALID_INPUT, naming the
 * field) when longer than `max` characters.
 */
export function optionalText(value: string | null | undefined, max: number, field: string[], problems: Problems): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length > max) {
    problems.add(ErrorCode.INVALID_INPUT, `${field[field.length - 1]} must be at most ${max} characters, got ${text.length}`, field);
  }
  return text === '' ? null : text;
}

/** An optional number that must lie within [min, max] (and be whole when `integer`). */
export function optionalNumber(
  value: number | null | undefined,
  range: { min: number; max: number; integer?: boolean; exclusiveMin?: boolean },
  field: string[],
  problems: Problems,
): number | null {
  if (value === null || value === undefined) return null;
  const name = field[field.length - 1];
  const tooLow = range.exclusiveMin ? value <= range.min : value < range.min;
  if (!Number.isFinite(value) || tooLow || value > range.max || (range.integer && !Number.isInteger(value))) {
    const lower = range.exclusiveMin ? `above ${range.min}` : `at least ${range.min}`;
    problems.add(ErrorCode.INVALID_INPUT, `${name} must be ${range.integer ? 'a whole number ' : ''}${lower} and at most ${range.max}, got ${value}`, field);
  }
  return value;
}
