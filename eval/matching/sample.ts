// The labelled sample (format: ../shared/data/README.md): read, check its shape, and type it.
import { readFileSync } from 'node:fs';
import { EvalFailure } from './failure';

export const ITEM_KINDS = ['ENGINE', 'BOAT', 'LIFE_JACKET'] as const;
export type SampleItemKind = (typeof ITEM_KINDS)[number];

export const PAIR_LABELS = ['same', 'fuzzy', 'fuzzy-boat', 'different'] as const;
export type PairLabel = (typeof PAIR_LABELS)[number];

export const SUPPLIER_LABELS = ['same', 'different'] as const;
export type SupplierLabel = (typeof SUPPLIER_LABELS)[number];

export interface IdentifierPair {
  kind: SampleItemKind;
  a: string;
  b: string;
  label: PairLabel;
}

export interface SupplierNameCase {
  name: string;
  query: string;
  label: SupplierLabel;
}

export interface Sample {
  file: string;
  identifierPairs: IdentifierPair[];
  supplierNames: SupplierNameCase[];
}

/** The file cannot be used: says what is wrong, and where. */
export class SampleError extends EvalFailure {}

const MAX_REPORTED = 20;

/** Reads and checks the sample file; throws a SampleError listing every shape problem (up to 20). */
export function loadSample(file: string): Sample {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SampleError(`cannot read the sample file ${file}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new SampleError(`the sample file ${file} is not valid JSON: ${(error as Error).message}`);
  }

  const problems: string[] = [];
  if (!isObject(data)) {
    throw new SampleError(`the sample file ${file} must hold a JSON object with "identifierPairs" and "supplierNames" arrays`);
  }
  const identifierPairs = readList(data, 'identifierPairs', problems, (entry, at) => {
    const kind = oneOf(entry, 'kind', ITEM_KINDS, at, problems);
    const a = requiredText(entry, 'a', at, problems);
    const b = requiredText(entry, 'b', at, problems);
    const label = oneOf(entry, 'label', PAIR_LABELS, at, problems);
    return kind && a && b && label ? { kind, a, b, label } : null;
  });
  const supplierNames = readList(data, 'supplierNames', problems, (entry, at) => {
    const name = requiredText(entry, 'name', at, problems);
    const query = requiredText(entry, 'query', at, problems);
    const label = oneOf(entry, 'label', SUPPLIER_LABELS, at, problems);
    return name && query && label ? { name, query, label } : null;
  });
  if (problems.length === 0 && identifierPairs.length === 0 && supplierNames.length === 0) {
    problems.push('both "identifierPairs" and "supplierNames" are missing or empty: nothing to evaluate');
  }
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_REPORTED).map((p) => `  - ${p}`);
    if (problems.length > MAX_REPORTED) shown.push(`  - ... and ${problems.length - MAX_REPORTED} more`);
    throw new SampleError(`the sample file ${file} does not have the expected shape (see shared/data/README.md):\n${shown.join('\n')}`);
  }
  return { file, identifierPairs, supplierNames };
}

function readList<T>(
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

function requiredText(entry: Record<string, unknown>, key: string, at: string, problems: string[]): string | null {
  const value = entry[key];
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push(`${at}.${key} must be a non-empty string, got ${describe(value)}`);
    return null;
  }
  return value;
}

function oneOf<T extends string>(entry: Record<string, unknown>, key: string, allowed: readonly T[], at: string, problems: string[]): T | null {
  const value = entry[key];
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    problems.push(`${at}.${key} must be one of ${allowed.map((v) => `"${v}"`).join(', ')}, got ${describe(value)}`);
    return null;
  }
  return value as T;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
