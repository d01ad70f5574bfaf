import type { DataSource, EntityMetadata } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

/**
 * Rows of an entity's table read as JSON inside a larger statement (a planned read nests a
 * seizure's agency and items in the seizure's row), and turned back into objects of the
 * entity's class and shape, as TypeORM would give them, without its hydration. The JSON is
 * built with the entity's property names (embedded columns as nested objects), so the object
 * PostgreSQL's JSON parses into is the entity itself once times are Dates and numerics went
 * through the column's transformer: nothing is copied.
 */
export interface JsonRows<T> {
  /** `json_build_object(...)` of the row of `alias`, with these properties (top-level names; default: every column). */
  json(alias: string, properties?: ReadonlySet<string>): string;
  /**
   * The same properties as a select list named by property (`alias.column AS "property"`,
   * embedded columns as nested JSON), for a subquery whose rows `to_json` or `json_agg` turn into
   * what `read` takes. For many rows this is much cheaper in PostgreSQL than `json` per row
   * (json_build_object looks up each argument's output function at every call).
   */
  columns(alias: string, properties?: ReadonlySet<string>): string;
  /** The entity from what `json` built (the object itself, given the entity's prototype). */
  read(row: Record<string, unknown>): T;
  /** The entity from a whole row keyed by column names (`to_json(alias)` of the table's row). */
  readColumns(row: Record<string, unknown>): T;
  /** Whether these properties are every column (a row read with them is whole). */
  whole(properties: ReadonlySet<string>): boolean;
}

const TIME_TYPES = new Set(['timestamptz', 'timestamp', 'timestamp with time zone', 'date']);
// json_build_object takes at most 100 arguments: 50 properties per object.
const MAX_JSON_PROPERTIES = 50;

const topLevel = (column: ColumnMetadata) => column.embeddedMetadata?.propertyName ?? column.propertyName;

/** A column's value as the entity holds it, from its JSON value; undefined when JSON's is already right. */
function converterOf(column: ColumnMetadata): ((value: unknown) => unknown) | undefined {
  if (typeof column.type === 'string' && TIME_TYPES.has(column.type)) return (value) => new Date(value as string);
  const transformer = Array.isArray(column.transformer) ? undefined : column.transformer;
  return transformer ? (value) => transformer.from(value) : undefined;
}

// Built once per data source and entity, from its metadata.
const bySource = new WeakMap<DataSource, Map<Function, JsonRows<unknown>>>();

/** The JSON rows of an entity of this data source. */
export function jsonRows<T>(dataSource: DataSource, entity: new () => T): JsonRows<T> {
  let entities = bySource.get(dataSource);
  if (!entities) bySource.set(dataSource, (entities = new Map()));
  let rows = entities.get(entity) as JsonRows<T> | undefined;
  if (!rows) entities.set(entity, (rows = jsonRowsOf(dataSource, entity)));
  return rows;
}

function jsonRowsOf<T>(dataSource: DataSource, entity: new () => T): JsonRows<T> {
  const metadata: EntityMetadata = dataSource.getMetadata(entity);
  const columns = metadata.columns;
  const own = columns.filter((c) => !c.embeddedMetadata);
  const embeddeds = metadata.embeddeds.map((embedded) => ({ name: embedded.propertyName, columns: columns.filter((c) => c.embeddedMetadata === embedded) }));
  if (own.length + embeddeds.length > MAX_JSON_PROPERTIES || embeddeds.some((e) => e.columns.length > MAX_JSON_PROPERTIES)) {
    throw new Error(`${metadata.name} has more properties than one json_build_object can hold`);
  }
  const everything = new Set(columns.map(topLevel));
  const conversions = own.flatMap((c) => {
    const convert = converterOf(c);
    return convert ? [{ property: c.propertyName, convert }] : [];
  });
  const embeddedConversions = embeddeds.map((e) => ({
    name: e.name,
    conversions: e.columns.flatMap((c) => {
      const convert = converterOf(c);
      return convert ? [{ property: c.propertyName, convert }] : [];
    }),
  }));
  const pair = (alias: string, c: ColumnMetadata) => `'${c.propertyName}', ${alias}.${c.databaseName}`;
  const embeddedJson = (alias: string, e: (typeof embeddeds)[number]) => `json_build_object(${e.columns.map((c) => pair(alias, c)).join(', ')})`;
  const read = (row: Record<string, unknown>): T => {
    for (const { property, convert } of conversions) {
      const value = row[property];
      if (value !== null && value !== undefined) row[property] = convert(value);
    }
    for (const { name, conversions: inner } of embeddedConversions) {
      const nested = (row[name] ??= {}) as Record<string, unknown>;
      for (const { property, convert } of inner) {
        const value = nested[property];
        if (value !== null && value !== undefined) nested[property] = convert(value);
      }
    }
    return Object.setPrototypeOf(row, entity.prototype) as T;
  };
  return {
    json(alias, properties = everything) {
      const pairs = [
        ...own.filter((c) => properties.has(c.propertyName)).map((c) => pair(alias, c)),
        ...embeddeds.filter((e) => properties.has(e.name)).map((e) => `'${e.name}', ${embeddedJson(alias, e)}`),
      ];
      return `json_build_object(${pairs.join(', ')})`;
    },
    columns(alias, properties = everything) {
      return [
        ...own.filter((c) => properties.has(c.propertyName)).map((c) => `${alias}.${c.databaseName} AS "${c.propertyName}"`),
        ...embeddeds.filter((e) => properties.has(e.name)).map((e) => `${embeddedJson(alias, e)} AS "${e.name}"`),
      ].join(', ');
    },
    read,
    readColumns(row) {
      const properties: Record<string, unknown> = {};
      for (const c of own) properties[c.propertyName] = row[c.databaseName];
      for (const e of embeddeds) properties[e.name] = Object.fromEntries(e.columns.map((c) => [c.propertyName, row[c.databaseName]]));
      return read(properties);
    },
    whole(properties) {
      return [...everything].every((name) => properties.has(name));
    },
  };
}
