/**
 * PostgreSQL text cannot hold the NUL character (U+0000): a string carrying one could never be
 * stored or compared, so the registry refuses it before anything runs.
 */
export const NUL_REFUSAL = 'Text may not contain the NUL character (U+0000)';

/** The path to the first string holding a NUL character in a JSON-like value (e.g. "input.items.0.make"), or null. */
export function pathToNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const found = pathToNul(value[i], `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = pathToNul(inner, `${path}.${key}`) ?? (key.includes('\u0000') ? `${path}.${key}` : null);
      if (found) return found;
    }
  }
  return null;
}
