// Each URL pair and each advert-text pair through the API: side a recorded as an advert of one
// agency, side b as an advert of the other, then b's sightings read. A sighting of b with an
// advert of another pair is counted too: it is as false as one with its own `different` a.
import type { EvalAgencies } from '../support/agencies';
import type { UserError } from '../support/graphql-client';
import type { Registry } from '../support/registry';
import type { AdvertPair } from './sample';

export type AdvertBasis = 'SAME_URL' | 'SIMILAR_TEXT';
export type AdvertPairOutcome = {
  pair: AdvertPair<string>;
  sighted: boolean;
  score: number | null;
  /** Adverts of other pairs that b was sighted with on the same basis. */
  stray: number;
  refused: string | null;
};

const ADVERT_RECORD = `mutation AdvertRecord($input: AdvertRecordInput!) {
  advertRecord(input: $input) { advert { id } userErrors { code message field } } }`;
const SIGHTINGS = `query AdvertSightings($id: ID!) { advert(id: $id) { sightings { basis score record { id } } } }`;

async function record(registry: Registry, token: string, field: 'url' | 'text', value: string) {
  const data = await registry.client.request<{ advertRecord: { advert: { id: string } | null; userErrors: UserError[] } }>(
    token, 'AdvertRecord', ADVERT_RECORD,
    { input: { platform: 'OTHER', kind: 'OTHER', capturedAt: '2025-06-01T12:00:00Z', [field]: value } },
  );
  return data.advertRecord;
}

export async function evaluateAdvertSightings(
  registry: Registry,
  agencies: EvalAgencies,
  what: { field: 'url' | 'text'; basis: AdvertBasis; pairs: Array<AdvertPair<string>> },
  progress: (line: string) => void,
): Promise<AdvertPairOutcome[]> {
  const outcomes: AdvertPairOutcome[] = [];
  for (const [i, pair] of what.pairs.entries()) {
    if (i % 20 === 0) progress(`${what.field} pairs: ${i} of ${what.pairs.length}`);
    const a = await record(registry, agencies.a.token, what.field, pair.a);
    const b = a.advert ? await record(registry, agencies.b.token, what.field, pair.b) : null;
    if (!a.advert || !b?.advert) {
      const refused = [...a.userErrors, ...(b?.userErrors ?? [])].map((e) => `${e.code}: ${e.message}`).join('; ');
      outcomes.push({ pair, sighted: false, score: null, stray: 0, refused });
      continue;
    }
    const seen = await registry.client.request<{ advert: { sightings: Array<{ basis: string; score: number; record: { id: string } | null }> } }>(
      agencies.b.token, 'AdvertSightings', SIGHTINGS, { id: b.advert.id },
    );
    const onBasis = seen.advert.sightings.filter((s) => s.basis === what.basis);
    const own = onBasis.find((s) => s.record?.id === a.advert!.id);
    outcomes.push({ pair, sighted: own !== undefined, score: own?.score ?? null, stray: onBasis.length - (own ? 1 : 0), refused: null });
  }
  return outcomes;
}
