// Each identifier pair through the API: side a recorded on a supplier of one agency, side b on
// a supplier of the other (each in its pair's region, where given), then b's sightings read.
import type { EvalAgencies } from '../support/agencies';
import type { UserError } from '../support/graphql-client';
import type { Registry } from '../support/registry';
import type { SightingPair } from './sample';

export type PairOutcome = { pair: SightingPair; result: 'sighted' | 'not sighted' | 'b refused' | 'a refused'; detail: string };

const SUPPLIER_CREATE = `mutation SupplierCreate($input: SupplierCreateInput!) {
  supplierCreate(input: $input) { supplier { id } userErrors { code message field } } }`;
const SIGHTINGS = `query SupplierSightings($id: ID!) { supplier(id: $id) { sightings { basis score record { id } } } }`;

async function record(registry: Registry, token: string, name: string, pair: SightingPair, side: 'a' | 'b') {
  const data = await registry.client.request<{ supplierCreate: { supplier: { id: string } | null; userErrors: UserError[] } }>(
    token, 'SupplierCreate', SUPPLIER_CREATE,
    { input: { name, role: 'UNKNOWN', country: side === 'a' ? pair.regionA : pair.regionB, identifiers: [{ scheme: pair.scheme, value: pair[side] }] } },
  );
  return data.supplierCreate;
}

export async function evaluateIdentifierSightings(
  registry: Registry,
  agencies: EvalAgencies,
  pairs: SightingPair[],
  progress: (line: string) => void,
): Promise<PairOutcome[]> {
  const outcomes: PairOutcome[] = [];
  for (const [i, pair] of pairs.entries()) {
    if (i % 20 === 0) progress(`identifier pairs: ${i} of ${pairs.length}`);
    const a = await record(registry, agencies.a.token, `Evaluation party ${i + 1} a`, pair, 'a');
    if (!a.supplier) {
      outcomes.push({ pair, result: 'a refused', detail: a.userErrors.map((e) => e.message).join('; ') });
      continue;
    }
    const b = await record(registry, agencies.b.token, `Evaluation party ${i + 1} b`, pair, 'b');
    if (!b.supplier) {
      outcomes.push({ pair, result: 'b refused', detail: b.userErrors.map((e) => `${e.code}: ${e.message}`).join('; ') });
      continue;
    }
    const seen = await registry.client.request<{ supplier: { sightings: Array<{ basis: string; score: number; record: { id: string } | null }> } }>(
      agencies.b.token, 'SupplierSightings', SIGHTINGS, { id: b.supplier.id },
    );
    const hit = seen.supplier.sightings.find((s) => s.record?.id === a.supplier!.id && s.basis === 'SAME_IDENTIFIER');
    outcomes.push({ pair, result: hit ? 'sighted' : 'not sighted', detail: hit ? `score ${hit.score}` : '' });
  }
  return outcomes;
}
