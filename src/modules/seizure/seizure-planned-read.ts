import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { jsonRows, type JsonRows } from '../../db/json-rows';
import { AgencyEntity } from '../agency/agency.entity';
import { ItemEntity } from '../item/item.entity';
import { ItemService } from '../item/item.service';
import { SeizureEntity } from './seizure.entity';
import { notePlannedParts, type PlannedParts, type Properties, type SeizureReadPlan } from './seizure-read-plan';

interface PlannedRows {
  seizure: JsonRows<SeizureEntity>;
  agency: JsonRows<AgencyEntity>;
  item: JsonRows<ItemEntity>;
}

// Built once per data source from its entity metadata.
const rowsBySource = new WeakMap<DataSource, PlannedRows>();

function rowsOf(dataSource: DataSource): PlannedRows {
  let rows = rowsBySource.get(dataSource);
  if (!rows) {
    rows = { seizure: jsonRows(dataSource, SeizureEntity), agency: jsonRows(dataSource, AgencyEntity), item: jsonRows(dataSource, ItemEntity) };
    rowsBySource.set(dataSource, rows);
  }
  return rows;
}

const chosen = (properties: Properties) => (properties === 'all' ? undefined : properties);

interface PlannedRow {
  seizure: Record<string, unknown>;
  agency?: Record<string, unknown> | null;
  items?: Array<Record<string, unknown>>;
  item_count?: number;
}

/** The query's select list as the plan says (see readPlanned), the statement itself unchanged otherwise. */
export function plannedSelect(query: SelectQueryBuilder<SeizureEntity>, plan: SeizureReadPlan): SelectQueryBuilder<SeizureEntity> {
  const rows = rowsOf(query.connection);
  query.select(rows.seizure.json('s', chosen(plan.properties)), 'seizure');
  if (plan.agency) query.addSelect(`(SELECT ${rows.agency.json('a')} FROM agency a WHERE a.id = s.agency_id)`, 'agency');
  if (plan.items) {
    const page = ItemService.plannedPageSql('s', plan.items.page, rows.item, chosen(plan.items.properties));
    query.addSelect(page.sql, 'items').setParameters(page.params);
    if (plan.items.count) query.addSelect(ItemService.plannedCountSql('s'), 'item_count');
  }
  return query;
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
  return found.map((row) => {
    const seizure = rows.seizure.read(row.seizure);
    const parts: PlannedParts = {};
    if (row.agency) parts.agency = rows.agency.read(row.agency);
    if (plan.items && row.items) {
      parts.items = { page: plan.items.page, rows: row.items.map((item) => rows.item.read(item)), ...(plan.items.count ? { count: row.item_count } : {}) };
    }
    notePlannedParts(seizure, parts);
    return seizure;
  });
}

/** Whether a plan reads whole seizures (they may then stand in for the seizure loader's). */
export function readsWholeSeizures(dataSource: DataSource, plan: SeizureReadPlan): boolean {
  return plan.properties === 'all' || rowsOf(dataSource).seizure.whole(plan.properties);
}
