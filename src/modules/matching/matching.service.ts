import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { insertInChunks } from '../../db/bulk-insert';
import type { ItemEntity } from '../item/item.entity';
import { hasWildcards } from '../item/identifier';
import { foldConfusables } from './confusables';
import { IdentifierKeyEntity } from './identifier-key.entity';
import { judgeMatch, MIN_READABLE, readableCount } from './match-scoring';
import { BASIS_OF_FIELD, IdentifierField, MatchStatus } from './matching.enums';

interface Probe {
  item: ItemEntity;
  field: IdentifierField;
  key: string;
  folded: string;
  wild: boolean;
}

interface Candidate {
  probe: number;
  item_id: string;
  key: string;
  make: string | null;
  model: string | null;
}

/** The identifiers of an item, field by field, as the matching index holds them. */
function probesOf(item: ItemEntity): Probe[] {
  const fields: Array<[IdentifierField, string | null]> = [
    [IdentifierField.HIN, item.hinKey],
    [IdentifierField.SERIAL, item.serialKey],
    [IdentifierField.BATCH, item.batchKey],
  ];
  return fields
    .filter((entry): entry is [IdentifierField, string] => entry[1] !== null)
    .map(([field, key]) => ({ item, field, key, folded: foldConfusables(key), wild: hasWildcards(key) }));
}

/**
 * Cross-jurisdiction item matching at write time. New items are added to the matching index and
 * compared with every agency's items of the same kind, field against field; the pairs found are
 * stored as SUGGESTED matches, visible on both items as soon as the write commits.
 */
export class MatchingService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  /** Indexes and matches the items just recorded in one seizure: a bounded number of statements, whatever the count. */
  async matchNewItems(seizureId: string, items: ItemEntity[]): Promise<void> {
    const probes = items.flatMap(probesOf);
    if (probes.length === 0) return;
    // Writers of the same identifier wait for each other, so two agencies recording the same
    // serial at the same moment still see each other's item (locks taken in one sorted order).
    await this.manager.query(
      `SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) FROM (SELECT DISTINCT unnest(CAST($1 AS text[])) AS k ORDER BY 1) AS keys`,
      [probes.map((p) => `${p.item.kind}:${p.field}:${p.folded}`)],
    );
    const candidates: Candidate[] = await this.manager.query(
      `SELECT probe, item_id, key, make, model
         FROM item_match_candidates(CAST($1 AS item_kind[]), CAST($2 AS identifier_field[]), CAST($3 AS text[]), CAST($4 AS boolean[]), $5)`,
      [probes.map((p) => p.item.kind), probes.map((p) => p.field), probes.map((p) => p.folded), probes.map((p) => p.wild), seizureId],
    );
    await insertInChunks(
      this.manager,
      IdentifierKeyEntity,
      probes.map((p) => ({
        itemId: p.item.id, field: p.field, agencyId: this.caller.agency.id, seizureId, kind: p.item.kind,
        key: p.key, folded: p.folded, hasWildcards: p.wild,
      })),
    );
    const matches = new Map<string, { itemA: string; itemB: string; basis: string; score: number; reasons: string[] }>();
    for (const candidate of candidates) {
      const probe = probes[candidate.probe - 1];
      if (probe.wild && readableCount(probe.key) < MIN_READABLE) continue;
      const judged = judgeMatch(probe.field, { key: probe.key, make: probe.item.make, model: probe.item.model }, candidate);
      if (!judged) continue;
      const [itemA, itemB] = [probe.item.id, candidate.item_id].sort();
      const pair = `${itemA}:${itemB}`;
      if ((matches.get(pair)?.score ?? -1) < judged.score) {
        matches.set(pair, { itemA, itemB, basis: BASIS_OF_FIELD[probe.field], ...judged });
      }
    }
    if (matches.size === 0) return;
    const rows = [...matches.values()];
    // A pair already known keeps its decision: a rejected suggestion stays rejected. (No
    // conflict target: with one, PostgreSQL would also demand that the caller may read the
    // other item, which matching across agencies must not need.)
    await this.manager.query(
      `INSERT INTO item_match (item_a, item_b, basis, score, reasons, status)
       SELECT a, b, CAST(basis AS match_basis), score, string_to_array(reasons, E'\\x1f'), CAST($6 AS match_status)
         FROM unnest(CAST($1 AS uuid[]), CAST($2 AS uuid[]), CAST($3 AS text[]), CAST($4 AS numeric[]), CAST($5 AS text[]))
              AS m(a, b, basis, score, reasons)
       ON CONFLICT DO NOTHING`,
      [
        rows.map((r) => r.itemA), rows.map((r) => r.itemB), rows.map((r) => r.basis), rows.map((r) => r.score),
        rows.map((r) => r.reasons.join('\x1f')), MatchStatus.SUGGESTED,
      ],
    );
  }
}
