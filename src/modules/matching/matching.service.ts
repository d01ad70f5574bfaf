import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { insertInChunks } from '../../db/bulk-insert';
import type { ItemEntity } from '../item/item.entity';
import { hasWildcards } from '../item/identifier';
import { foldConfusables } from './confusables';
import { IdentifierKeyEntity } from './identifier-key.entity';
import { IdentifierField } from './matching.enums';

interface Probe {
  item: ItemEntity;
  field: IdentifierField;
  key: string;
  folded: string;
  wild: boolean;
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
    await insertInChunks(
      this.manager,
      IdentifierKeyEntity,
      probes.map((p) => ({
        itemId: p.item.id, field: p.field, agencyId: this.caller.agency.id, seizureId, kind: p.item.kind,
        key: p.key, folded: p.folded, hasWildcards: p.wild,
      })),
    );
    // Finds, judges and stores the matches inside the database: other agencies' identifiers
    // never reach the service (a match to a record the caller may not read is a hit, no more).
    await this.manager.query(`SELECT item_match_link(CAST($1 AS uuid[]))`, [items.map((item) => item.id)]);
  }
}
