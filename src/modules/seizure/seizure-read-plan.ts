import type { AgencyEntity } from '../agency/agency.entity';
import type { ItemEntity } from '../item/item.entity';
import type { MatchFromItem } from '../matching/item-match.service';
import type { SeizureItemsPage } from '../item/item.service';
import type { SeizureEntity } from './seizure.entity';

/** Properties to read: these top-level properties of the entity, or every column. */
export type Properties = ReadonlySet<string> | 'all';

/**
 * A read of seizures planned as one statement from what the query selects: the seizure's
 * properties it needs, and what it nests (the agency, one page of items with or without their
 * count). What a plan leaves out is loaded by the field resolvers' DataLoaders, as without one.
 */
export interface SeizureReadPlan {
  properties: Properties;
  agency: boolean;
  /** The registered agencies it is shared with, in the order recorded. */
  sharedWith: boolean;
  items: { page: SeizureItemsPage; properties: Properties; count: boolean } | null;
}

/** A read of items planned as one statement: the item's properties it needs, and its seizure as a seizure read plans it. */
export interface ItemReadPlan {
  properties: Properties;
  seizure: SeizureReadPlan | null;
  /**
   * The item's matches to items the caller reads. (Its restricted hits stay with their loader:
   * item_match_hits, a function the planner cannot inline, costs far more called per item than
   * once for the page.)
   */
  matches: boolean;
}

/** What a planned read fetched with a seizure besides its own columns. */
export interface PlannedParts {
  agency?: AgencyEntity;
  sharedWith?: AgencyEntity[];
  items?: { page: SeizureItemsPage; rows: ItemEntity[]; count?: number };
}

// Keyed by the seizure objects a planned read made: they live as long as the request's answer.
const planned = new WeakMap<SeizureEntity, PlannedParts>();

export function notePlannedParts(seizure: SeizureEntity, parts: PlannedParts): void {
  planned.set(seizure, parts);
}

export function plannedPartsOf(seizure: SeizureEntity): PlannedParts | undefined {
  return planned.get(seizure);
}

const plannedSeizures = new WeakMap<ItemEntity, SeizureEntity>();
const plannedMatches = new WeakMap<ItemEntity, MatchFromItem[]>();

export function notePlannedMatches(item: ItemEntity, matches: MatchFromItem[]): void {
  plannedMatches.set(item, matches);
}

/** The readable matches a planned read of items fetched with this item, if it did. */
export function plannedMatchesOf(item: ItemEntity): MatchFromItem[] | undefined {
  return plannedMatches.get(item);
}

export function notePlannedSeizure(item: ItemEntity, seizure: SeizureEntity): void {
  plannedSeizures.set(item, seizure);
}

/** The seizure a planned read of items fetched with this item, if it did. */
export function plannedSeizureOf(item: ItemEntity): SeizureEntity | undefined {
  return plannedSeizures.get(item);
}

/** Whether two pages of a seizure's items are the same request (size, direction and cursors). */
export function samePage(a: SeizureItemsPage, b: SeizureItemsPage): boolean {
  return a.size === b.size && a.backward === b.backward && a.after?.position === b.after?.position && a.before?.position === b.before?.position;
}
