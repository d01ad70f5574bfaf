// Reading a labelled sample file: JSON, then lists of entries checked field by field, every
// problem collected with where it is.
import { readFileSync } from 'node:fs';

/** The parsed JSON of a sample file; `fail` makes the error to throw when it cannot be read or parsed. */
export function readJsonFile(file: string, fail: (message: string) => Error): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw fail(`cannot read the sample file ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw fail(`the sample file ${file} is not valid JSON: ${(error as Error).message}`);
  }
}

export function readList<T>(
  data: Record<string, unknown>,
  key: string,
  problems: string[],
  read: (entry: Record<string, unknown>, at: string) => T | null,
): T[] {
  const list = data[key];
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    problems.push(`"${key}" must be an array, got ${describe(list)}`);
    return [];
  }
  const out: T[] = [];
  list.forEach((entry, i) => {
    const at = `${key}[${i}]`;
    if (!isObject(entry)) {
      problems.push(`${at} must be an object, got ${describe(entry)}`);
      return;
    }
    const value = read(entry, at);
    if (value) out.push(value);
  });
  return out;
}

export function requiredText(entry: Record<string, unknown>, key: string, at: string, problems: string[]): string | null {
  const value = entry[key];
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${at}.${key} must be a non-empty string, got ${describe(value)}`);
    return null;
  }
  return value;
}

export function oneOf<T extends string>(entry: Record<string, unknown>, key: string, allowed: readonly T[], at: string, problems: string[]): T | null {
  const value = entry[key];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    problems.push(`${at}.${key} must be one of ${allowed.map((v) => `"${v}"`).join(', ')}, got ${describe(value)}`);
    return null;
  }
  return value as T;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
