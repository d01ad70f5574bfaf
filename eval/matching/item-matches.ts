// Item.matches as a partner reads it: whether the schema has it, and each item's matches.
import { mapConcurrently } from './concurrency';
import { EvalFailure } from '../support/failure';
import type { Registry } from '../support/registry';

export interface MatchView {
  /** Global id of the other item; null when the caller may not read it (a restricted hit). */
  itemId: string | null;
  score: number;
  basis: string;
  status: string;
}

const REQUIRED_MATCH_FIELDS = ['item', 'score', 'basis', 'status'];

const SCHEMA_PROBE = `
  query ItemMatchesProbe {
    item: __type(name: "Item") { fields { name } }
    match: __type(name: "ItemMatch") { fields { name } }
  }`;

interface ProbeData {
  item: { fields: { name: string }[] } | null;
  match: { fields: { name: string }[] } | null;
}

/** null when the schema has Item.matches with the contract's ItemMatch fields; else why not. */
export async function itemMatchingUnavailable(registry: Registry, token: string): Promise<string | null> {
  const data = await registry.client.request<ProbeData>(token, 'ItemMatchesProbe', SCHEMA_PROBE);
  const itemFields = new Set((data.item?.fields ?? []).map((f) => f.name));
  if (!itemFields.has('matches')) return 'the schema has no field Item.matches';
  const matchFields = new Set((data.match?.fields ?? []).map((f) => f.name));
  const missing = REQUIRED_MATCH_FIELDS.filter((name) => !matchFields.has(name));
  return missing.length > 0 ? `ItemMatch lacks ${missing.map((name) => `ItemMatch.${name}`).join(', ')}` : null;
}

const ITEM_MATCHES = `
  query ItemMatches($id: ID!) {
    item(id: $id) { id matches { item { id } score basis status } }
  }`;

interface ItemMatchesData {
  item: { id: string; matches: { item: { id: string } | null; score: number; basis: string; status: string }[] } | null;
}

/** Each item's matches, read one item at a time with `token` (a few requests in flight). */
export async function readMatches(registry: Registry, token: string, itemIds: string[]): Promise<Map<string, MatchView[]>> {
  const lists = await mapConcurrently(itemIds, 8, async (id) => {
    const data = await registry.client.request<ItemMatchesData>(token, 'ItemMatches', ITEM_MATCHES, { id });
    if (!data.item) throw new EvalFailure(`item ${id}, just recorded, is not readable by its own agency`);
    return data.item.matches.map((m) => ({ itemId: m.item?.id ?? null, score: m.score, basis: m.basis, status: m.status }));
  });
  return new Map(itemIds.map((id, i) => [id, lists[i]]));
}
