/**
 * Normalisation of serial numbers, batch numbers and HINs for storage and matching.
 * The value as recorded is evidence and is stored unchanged elsewhere; this gives the
 * comparison key only.
 */

/** Limit on an identifier as recorded (the raw string), per the API contract. */
export const IDENTIFIER_MAX_LENGTH = 64;

/**
 * Separators written between groups of an identifier: whitespace, hyphens and dashes
 * (incl. U+2212 minus and U+00AD soft hyphen), dots (incl. middle dot), slashes, backslash,
 * underscore, and invisible format characters (zero-width space etc., copy-paste debris).
 */
const SEPARATORS = /[\s\p{Pd}\p{Cf}\u2212._\u00B7\u2022/\\\u2044\u2215]/gu;

/**
 * NFKC (full-width and compatibility forms fold to ASCII), upper-case (locale-independent:
 * Turkish ı and i both give I), then separators removed. Other characters are left in place,
 * so a caller can tell what else was written (parseHin rejects them).
 */
export function stripSeparators(raw: string): string {
  return raw.normalize('NFKC').toUpperCase().normalize('NFKC').replace(SEPARATORS, '');
}

/** Everything that is not a letter, a digit or a wildcard. */
const NOT_KEPT = /[^\p{L}\p{N}?*]/gu;

function step(s: string): string {
  return stripSeparators(s).replace(NOT_KEPT, '').replace(/\*+/g, '*');
}

/**
 * The comparison key: letters (any script) and digits, upper-case, with the damaged-mark
 * wildcards `?` (one unreadable character) and `*` (a run of them, consecutive `*` collapsed).
 * Every other character (separators, punctuation, symbols) is dropped. '' when nothing is left.
 * Idempotent: `normaliseIdentifier(normaliseIdentifier(x)) === normaliseIdentifier(x)`.
 */
export function normaliseIdentifier(raw: string): string {
  // Dropping a character can bring two code points together that NFKC then composes
  // (e.g. Hangul jamo), so repeat to a fixed point; in practice one pass, at most a few.
  let s = step(raw);
  for (let i = 0; i < 5; i++) {
    const next = step(s);
    if (next === s) break;
    s = next;
  }
  return s;
}

/** True when a normalised identifier carries `?` or `*`, i.e. can only match fuzzily. */
export function hasWildcards(normalised: string): boolean {
  return normalised.includes('?') || normalised.includes('*');
}
