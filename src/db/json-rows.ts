import type { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Rows of an entity's table read as JSON inside a larger statement (a planned read nests a
 * seizure's agency and items in the seizure's row), and turned back into objects of the
 * entity's class and shape, as TypeORM would give them, without its hydration: the columns
 * wanted only, times as Dates, numerics through the column's transformer.
 */
export interface JsonRows<T> {
  /** `json_build_object(...)` of the row of `alias`, with these properties (top-level names; default: every column). */
  json(alias: string, properties?: ReadonlySet<string>): string;
  /** The same columns as a select list (`alias.column, ...`), for a subquery that `json` then reads. */
  columns(alias: string, properties?: ReadonlySet<string>): string;
  /** An object of the entity from what `json` built. */
  read(row: Record<string, unknown>): T;
  /** Whether these properties are every column (a row read with them is whole). */
  whole(properties: ReadonlySet<string>): boolean;
}

const TIME_TYPES = new Set(['timestamptz', 'timestamp', 'timestamp with time zone', 'date']);
// json_build_object takes at most 100 arguments: 50 columns.
const MAX_JSON_COLUMNS = 50;

const topLevel = (column: ColumnMetadata) => column.embeddedMetadata?.propertyName ?? column.propertyName;

export function jsonRows<T>(dataSource: DataSource, entity: new () => T): JsonRows<T> {
  const metadata: EntityMetadata = dataSource.getMetadata(entity);
  const columns = metadata.columns;
  if (columns.length > MAX_JSON_COLUMNS) throw new Error(`${metadata.name} has more columns than one json_build_object can hold`);
  const everything = new Set(columns.map(topLevel));
  const readers = columns.map((column) => {
    const isTime = typeof column.type === 'string' && TIME_TYPES.has(column.type);
    const transformer = Array.isArray(column.transformer) ? undefined : column.transformer;
    const convert = (value: unknown) => {
      if (value === null || value === undefined) return null;
      if (isTime) return new Date(value as string);
      return transformer ? transformer.from(value) : value;
    };
    const embedded = column.embeddedMetadata?.propertyName;
    return { key: column.databaseName, property: column.propertyName, embedded, top: topLevel(column), convert };
  });
  const embeddeds = metadata.embeddeds.map((e) => e.propertyName);
  return {
    json(alias, properties = everything) {
      const pairs = columns.filter((c) => properties.has(topLevel(c))).map((c) => `'${c.databaseName}', ${alias}.${c.databaseName}`);
      return `json_build_object(${pairs.join(', ')})`;
    },
    columns(alias, properties = everything) {
      return columns.filter((c) => properties.has(topLevel(c))).map((c) => `${alias}.${c.databaseName}`).join(', ');
    },
    read(row) {
      const target = Object.create(entity.prototype) as Record<string, unknown>;
      for (const name of embeddeds) target[name] = {};
      for (const reader of readers) {
        if (!(reader.key in row)) continue;
        const value = reader.convert(row[reader.key]);
        if (reader.embedded) (target[reader.embedded] as Record<string, unknown>)[reader.property] = value;
        else target[reader.property] = value;
      }
      return target as T;
    },
    whole(properties) {
      return [...everything].every((name) => properties.has(name));
    },
  };
}
