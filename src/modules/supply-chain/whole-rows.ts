import type { DataSource } from 'typeorm';
import { jsonRows } from '../../db/json-rows';

/**
 * Entities from the JSON of their whole table rows (`to_json(alias)` in a walk's SQL, keyed by
 * column name): the values are put under the entity's property names, then made the entity by
 * jsonRows (times as Dates, numerics through their transformers, the entity's prototype). The
 * SQL names no column, so a walk's statement needs no entity metadata to be built (the
 * benchmark runs it as plain SQL). Only entities without embedded columns.
 */
export interface WholeRows<T> {
  read(row: Record<string, unknown>): T;
}

export function wholeRows<T>(dataSource: DataSource, entity: new () => T): WholeRows<T> {
  const metadata = dataSource.getMetadata(entity);
  if (metadata.embeddeds.length > 0) throw new Error(`${metadata.name} has embedded columns: read its rows with jsonRows`);
  const names = metadata.columns.map((c) => [c.databaseName, c.propertyName] as const);
  const rows = jsonRows(dataSource, entity);
  return {
    read(row) {
      const properties: Record<string, unknown> = {};
      for (const [column, property] of names) properties[property] = row[column];
      return rows.read(properties);
    },
  };
}
