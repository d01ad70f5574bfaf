// The labelled sample (format: ../shared/data/README.md): read, check its shape, and type it.
import { EvalFailure } from '../support/failure';
import { isObject, oneOf, readJsonFile, readList, requiredText } from '../support/sample-shape';

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
  const data = readJsonFile(file, (message) => new SampleError(message));

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
