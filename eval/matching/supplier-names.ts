// The supplier half: EV-A's analyst records a supplier per distinct name; EV-B's analyst searches
// for each entry's query, as another agency looking for the same company would.
import type { EvalAgencies } from '../support/agencies';
import { mapConcurrently } from './concurrency';
import { EvalFailure } from '../support/failure';
import { expectNoUserErrors, type UserError } from '../support/graphql-client';
import type { Registry } from '../support/registry';
import type { SupplierNameCase } from './sample';

export interface SearchObservation {
  index: number;
  entry: SupplierNameCase;
  /** Names of the suppliers returned, best first (at most 5). */
  results: { id: string; name: string }[];
  /** 1-based rank of the entry's own supplier among the results, or null. */
  rank: number | null;
}

export interface SupplierOutcome {
  suppliers: number;
  observations: SearchObservation[];
  seconds: number;
}

const SUPPLIER_CREATE = `
  mutation SupplierCreate($input: SupplierCreateInput!) {
    supplierCreate(input: $input) { supplier { id name } userErrors { code message field } }
  }`;

const SUPPLIER_SEARCH = `
  query SupplierSearch($search: String!) {
    suppliers(filter: { search: $search }, first: 5) { nodes { id name } }
  }`;

export async function evaluateSupplierNames(
  registry: Registry,
  agencies: EvalAgencies,
  entries: SupplierNameCase[],
  progress: (line: string) => void,
): Promise<SupplierOutcome> {
  const started = Date.now();
  const names = [...new Set(entries.map((e) => e.name))];
  progress(`recording ${names.length} suppliers (${agencies.a.code}) and searching ${entries.length} queries (${agencies.b.code})...`);
  const ids = await mapConcurrently(names, 4, async (name) => {
    const data = await registry.client.request<{ supplierCreate: { supplier: { id: string } | null; userErrors: UserError[] } }>(
      agencies.a.token, 'SupplierCreate', SUPPLIER_CREATE, { input: { name } },
    );
    expectNoUserErrors(`supplierCreate "${name}"`, data.supplierCreate.userErrors);
    if (!data.supplierCreate.supplier) throw new EvalFailure(`supplierCreate "${name}" returned no supplier`);
    return data.supplierCreate.supplier.id;
  });
  const idByName = new Map(names.map((name, i) => [name, ids[i]]));

  const observations = await mapConcurrently(entries, 8, async (entry, index) => {
    const data = await registry.client.request<{ suppliers: { nodes: { id: string; name: string }[] } }>(
      agencies.b.token, 'SupplierSearch', SUPPLIER_SEARCH, { search: entry.query },
    );
    const results = data.suppliers.nodes;
    const position = results.findIndex((s) => s.id === idByName.get(entry.name));
    return { index, entry, results, rank: position >= 0 ? position + 1 : null };
  });
  return { suppliers: names.length, observations, seconds: (Date.now() - started) / 1000 };
}
