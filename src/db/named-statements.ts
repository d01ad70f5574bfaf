import { createHash } from 'node:crypto';

/**
 * Statements kept prepared on one connection at most. The registry's statements come from a
 * fixed set of shapes, far fewer than this; a text that varies with its input (a list written
 * out) would otherwise fill the connection's memory, so past the limit statements run unnamed.
 */
const MAX_NAMED_PER_CONNECTION = 2000;

type Query = (...args: unknown[]) => unknown;
interface PgClient {
  query: Query;
}

const named = new WeakSet<PgClient>();

/**
 * Marks a statement to be planned for its values at every run (sent unnamed): one whose cost
 * depends on its values far more than on its shape, such as a graph walk, where a generic plan,
 * made for no values at all, can be far slower than planning it (about a millisecond).
 */
export const PLANNED_FOR_ITS_VALUES = '/* planned for its values */ ';

/** The name of a statement's text: the same text is the same prepared statement on every connection. */
export function statementName(text: string): string {
  return `r_${createHash('sha1').update(text).digest('base64url')}`;
}

/**
 * Makes every statement with parameters that TypeORM sends on this connection a named prepared
 * statement (node-postgres prepares a name once per connection, then sends only its values), so
 * that PostgreSQL parses and plans it once per connection instead of at every request. After five
 * runs PostgreSQL may keep a generic plan; the plan tests check that those still use the indexes
 * under row-level security. Statements without parameters (BEGIN, SAVEPOINT) stay simple queries,
 * and those marked PLANNED_FOR_ITS_VALUES unnamed.
 */
export function nameStatementsOf(client: PgClient): void {
  if (named.has(client)) return;
  named.add(client);
  const query = client.query.bind(client) as Query;
  // Text to name, for the statements this connection prepared: each text is hashed once here.
  const prepared = new Map<string, string>();
  client.query = (...args: unknown[]) => {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && !text.startsWith(PLANNED_FOR_ITS_VALUES)) {
      let name = prepared.get(text);
      if (!name && prepared.size < MAX_NAMED_PER_CONNECTION) prepared.set(text, (name = statementName(text)));
      if (name) return query({ name, text, values }, callback);
    }
    return query(...args);
  };
}
