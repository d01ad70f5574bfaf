import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { insertInChunks } from '../../db/bulk-insert';
import type { ItemEntity } from '../item/item.entity';
import { hasWildcards } from '../item/identifier';
import { foldConfusables } from './confusables';
import { IdentifierKeyEntity } from './identifier-key.entity';
import { IdentifierField } from './matching.enums';

/** What matching needs of a new item. */
export type NewItem = Pick<ItemEntity, 'id' | 'kind' | 'hinKey' | 'serialKey' | 'batchKey'>;

interface Probe {
  item: NewItem;
  field: IdentifierField;
  key: string;
  folded: string;
  wild: boolean;
}

/** The identifiers of an item, field by field, as the matching index holds them. */
function probesOf(item: NewItem): Probe[] {
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
  async matchNewItems(seizureId: string, items: NewItem[]): Promise<void> {
    const probes = items.flatMap(probesOf);
    if (probes.length === 0) return;
    await insertInChunks(
      this.manager,
      IdentifierKeyEntity,
      probes.map((p) => ({
        itemId: p.item.id, field: p.field, agencyId: this.caller.agency.id, seizureId, kind: p.item.kind,
        key: p.key, folded: p.folded, hasWildcards: p.wild,
      })),
    );
    // Locks the identifiers (two agencies recording the same serial at the same moment both end
    // up linked), then finds, judges and stores the matches inside the database: other agencies'
    // identifiers never reach the service (a match to a record the caller may not read is a hit).
    await this.manager.query(`SELECT item_match_link(CAST($1 AS uuid[]))`, [items.map((item) => item.id)]);
  }
}
