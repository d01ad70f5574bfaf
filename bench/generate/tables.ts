import { TableBuffer } from '../load/table-buffer';

/** The columns the generator fills, per table, in COPY order (the names of the migrations). */
export const COLUMNS = {
  agency: ['id', 'code', 'name', 'jurisdiction', 'created_at'],
  supplier: ['id', 'agency_id', 'name', 'aliases', 'role', 'country', 'search_text', 'handling', 'shared_with', 'recorded_by', 'recorded_at'],
  supplier_identifier: ['supplier_id', 'position', 'agency_id', 'scheme', 'value', 'value_key'],
  supplier_merge: ['merged_id', 'survivor_id', 'merged_by', 'merged_by_agency_id', 'merged_at'],
  movement: [
    'id', 'agency_id', 'from_supplier_id', 'to_supplier_id', 'occurred_at', 'from_country', 'to_country', 'mode',
    'document_ref', 'quantity', 'goods_description', 'handling', 'shared_with', 'recorded_by', 'recorded_at',
  ],
  seizure: [
    'id', 'agency_id', 'reference', 'reference_key', 'jurisdiction', 'seized_at', 'location_description', 'latitude',
    'longitude', 'handling', 'shared_with', 'notes', 'recorded_by', 'recorded_at', 'updated_at', 'version', 'item_count',
    'item_quantity',
  ],
  item: [
    'id', 'seizure_id', 'agency_id', 'position', 'kind', 'make', 'make_key', 'model', 'serial_number', 'hin', 'batch_number',
    'hin_key', 'serial_key', 'batch_key', 'mark_damaged', 'quantity', 'condition', 'description', 'capacity_litres',
    'recorded_at', 'boat_length_metres', 'boat_hull_material', 'boat_colour', 'boat_capacity_persons',
    'engine_power_hp', 'engine_stroke', 'engine_fuel', 'life_jacket_standard_claimed', 'life_jacket_ce_marked',
    'life_jacket_notified_body', 'life_jacket_size', 'life_jacket_buoyancy_newtons', 'life_jacket_found_dangerous',
  ],
  movement_item: ['movement_id', 'item_id', 'agency_id'],
  payment: [
    'id', 'agency_id', 'payer_id', 'payee_id', 'broker_count', 'method', 'amount', 'currency', 'paid_at', 'from_country',
    'to_country', 'reference', 'reference_key', 'handling', 'shared_with', 'recorded_by', 'recorded_at',
  ],
  payment_party: ['payment_id', 'position', 'supplier_id', 'agency_id'],
  identifier_key: ['item_id', 'field', 'agency_id', 'seizure_id', 'kind', 'key', 'folded', 'has_wildcards'],
  advert: [
    'id', 'agency_id', 'platform', 'kind', 'url', 'url_key', 'captured_at', 'text', 'content_hash', 'handling', 'shared_with',
    'recorded_by', 'recorded_at',
  ],
  advert_identifier: ['advert_id', 'position', 'agency_id', 'is_account', 'scheme', 'value', 'value_key'],
  advert_text: ['advert_id', 'agency_id', 'fold', 'document'],
} as const;

export type TableName = keyof typeof COLUMNS;

/** Tables the load fills, in an order that satisfies the foreign keys. */
export const LOAD_ORDER: TableName[] = [
  'agency', 'supplier', 'supplier_identifier', 'supplier_merge', 'seizure', 'item', 'movement', 'movement_item', 'identifier_key',
  'payment', 'payment_party', 'advert', 'advert_identifier', 'advert_text',
];

/**
 * Not a registry table: which items are readings of the same underlying identifier (the
 * generator knows), loaded into a temporary table so that matches between damaged readings
 * can be searched within each group (see matches.sql).
 */
export const IDENTITY_COLUMNS = ['item_id', 'identity'] as const;

export type DatasetTables = Record<TableName, TableBuffer> & { identity: TableBuffer };

export function emptyTables(): DatasetTables {
  const tables = Object.fromEntries(
    (Object.keys(COLUMNS) as TableName[]).map((name) => [name, new TableBuffer(name, COLUMNS[name])]),
  ) as Record<TableName, TableBuffer>;
  return { ...tables, identity: new TableBuffer('bench_identity', IDENTITY_COLUMNS) };
}
