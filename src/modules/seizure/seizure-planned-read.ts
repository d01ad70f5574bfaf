import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { jsonRows, type JsonRows } from '../../db/json-rows';
import { AgencyEntity } from '../agency/agency.entity';
import { ItemEntity } from '../item/item.entity';
import { ItemService } from '../item/item.service';
import { ItemMatchEntity } from '../matching/item-match.entity';
import { seenFrom, type ItemMatchService } from '../matching/item-match.service';
import { SeizureEntity } from './seizure.entity';
import { notePlannedMatches, notePlannedParts, notePlannedSeizure, type ItemReadPlan, type PlannedParts, type Properties, type SeizureReadPlan } from './seizure-read-plan';

interface PlannedRows {
  seizure: JsonRows<SeizureEntity>;
  agency: JsonRows<AgencyEntity>;
  item: JsonRows<ItemEntity>;
  match: JsonRows<ItemMatchEntity>;
}

function rowsOf(dataSource: DataSource): PlannedRows {
  return {
    seizure: jsonRows(dataSource, SeizureEntity), agency: jsonRows(dataSource, AgencyEntity),
    item: jsonRows(dataSource, ItemEntity), match: jsonRows(dataSource, ItemMatchEntity),
  };
}

const chosen = (properties: Properties) => (properties === 'all' ? undefined : properties);

interface PlannedRow {
  seizure: Record<string, unknown>;
  agency?: Record<string, unknown> | null;
  shared_with?: Array<Record<string, unknown>>;
  items?: Array<Record<string, unknown>>;
  item_count?: number;
}

/** Adds to a query's select list what the plan reads of the seizure under `alias` (as `seizure`, `agency`, `shared_with`, `items`, `item_count`). */
function addSeizureSelects<Q extends SelectQueryBuilder<object>>(query: Q, plan: SeizureReadPlan, alias: string): Q {
  const rows = rowsOf(query.connection);
  query.addSelect(rows.seizure.json(alias, chosen(plan.properties)), 'seizure');
  if (plan.agency) query.addSelect(`(SELECT ${rows.agency.json('a')} FROM agency a WHERE a.id = ${alias}.agency_id)`, 'agency');
  if (plan.sharedWith) {
    query.addSelect(
      `(SELECT coalesce(json_agg(${rows.agency.json('a')} ORDER BY array_position(${alias}.shared_with, a.id)), '[]'::json) FROM agency a WHERE a.id = ANY(${alias}.shared_with))`,
      'shared_with',
    );
  }
  if (plan.items) {
    const page = ItemService.plannedPageSql(alias, plan.items.page, rows.item, chosen(plan.items.properties));
    query.addSelect(page.sql, 'items').setParameters(page.params);
    if (plan.items.count) query.addSelect(ItemService.plannedCountSql(alias), 'item_count');
  }
  return query;
}

/** The seizure of a planned row, with what was fetched with it noted (plannedPartsOf). */
function seizureOf(row: PlannedRow, plan: SeizureReadPlan, rows: PlannedRows): SeizureEntity {
  const seizure = rows.seizure.read(row.seizure);
  const parts: PlannedParts = {};
  if (row.agency) parts.agency = rows.agency.read(row.agency);
  if (row.shared_with) parts.sharedWith = row.shared_with.map((agency) => rows.agency.read(agency));
  if (plan.items && row.items) {
    parts.items = { page: plan.items.page, rows: row.items.map((item) => rows.item.read(item)), ...(plan.items.count ? { count: row.item_count } : {}) };
  }
  notePlannedParts(seizure, parts);
  return seizure;
}

/** The query's select list as the plan says (see readPlanned), the statement itself unchanged otherwise. */
export function plannedSelect(query: SelectQueryBuilder<SeizureEntity>, plan: SeizureReadPlan): SelectQueryBuilder<SeizureEntity> {
  return addSeizureSelects(query.select([]), plan, 's');
}

/**
 * Runs a query of readable seizures (alias `s`, filtered, ordered and limited as it stands) as
 * the plan says, in one statement: the seizure's planned columns, its agency and one page of its
 * items (with their count) as JSON beside it. The seizures come back in the query's order, each
 * with what was fetched with it (plannedPartsOf).
 */
export async function readPlanned(query: SelectQueryBuilder<SeizureEntity>, plan: SeizureReadPlan): Promise<SeizureEntity[]> {
  const rows = rowsOf(query.connection);
  const found = await plannedSelect(query, plan).getRawMany<PlannedRow>();
  return found.map((row) => seizureOf(row, plan, rows));
}

/**
 * Runs a query of readable items (alias `i`, joined to their seizure as `s`, filtered, ordered
 * and limited as it stands) as the plan says, in one statement: the item's planned columns and,
 * when planned, its seizure as readPlanned reads one (plannedSeizureOf) and its matches as
 * `matching` reads the readable ones (plannedMatchesOf).
 */
export async function readPlannedItems(query: SelectQueryBuilder<ItemEntity>, plan: ItemReadPlan, matching: ItemMatchService): Promise<ItemEntity[]> {
  const rows = rowsOf(query.connection);
  const found = await plannedItemsSelect(query, plan, matching).getRawMany<PlannedRow & { item: Record<string, unknown>; matches?: Array<Record<string, unknown>> }>();
  return found.map((row) => {
    const item = rows.item.read(row.item);
    if (plan.seizure) notePlannedSeizure(item, seizureOf(row, plan.seizure, rows));
    if (row.matches) notePlannedMatches(item, row.matches.map((match) => seenFrom(rows.match.read(match), item.id)));
    return item;
  });
}

/** The query's select list as the plan says (see readPlannedItems), the statement itself unchanged otherwise. */
export function plannedItemsSelect(query: SelectQueryBuilder<ItemEntity>, plan: ItemReadPlan, matching: ItemMatchService): SelectQueryBuilder<ItemEntity> {
  const rows = rowsOf(query.connection);
  query.select(rows.item.json('i', chosen(plan.properties)), 'item');
  if (plan.seizure) addSeizureSelects(query, plan.seizure, 's');
  if (plan.matches) {
    const readable = matching.plannedMatchesSql('i', rows.match);
    query.addSelect(readable.sql, 'matches').setParameters(readable.params);
  }
  return query;
}

/** Whether a plan reads whole seizures (they may then stand in for the seizure loader's). */
export function readsWholeSeizures(dataSource: DataSource, plan: SeizureReadPlan): boolean {
  return plan.properties === 'all' || rowsOf(dataSource).seizure.whole(plan.properties);
}
