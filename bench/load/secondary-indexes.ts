import type { ClientBase } from 'pg';

export interface IndexDefinition {
  name: string;
  table: string;
  definition: string;
}

/**
 * The indexes of these tables that back no constraint (primary keys and unique constraints
 * stay), with the definitions the migrations gave them, so they can be dropped before a bulk
 * load and rebuilt after it exactly as they were.
 */
export async function secondaryIndexes(client: ClientBase, tables: readonly string[]): Promise<IndexDefinition[]> {
  const { rows } = await client.query<IndexDefinition>(
    `SELECT ic.relname AS name, tc.relname AS "table", pg_get_indexdef(i.indexrelid) AS definition
       FROM pg_index i
       JOIN pg_class ic ON ic.oid = i.indexrelid
       JOIN pg_class tc ON tc.oid = i.indrelid
      WHERE tc.relnamespace = 'public'::regnamespace AND tc.relname = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
      ORDER BY tc.relname, ic.relname`,
    [tables],
  );
  return rows;
}

export async function dropIndexes(client: ClientBase, indexes: readonly IndexDefinition[]): Promise<void> {
  for (const index of indexes) await client.query(`DROP INDEX IF EXISTS public."${index.name}"`);
}

/**
 * Rebuilds indexes over a few connections at once (index builds are CPU-bound: one per core),
 * largest table first; returns each build's seconds.
 */
export async function createIndexes(
  connect: () => Promise<ClientBase & { end(): Promise<void> }>,
  indexes: readonly IndexDefinition[],
  parallel: number,
): Promise<Array<IndexDefinition & { seconds: number }>> {
  const queue = [...indexes];
  const built: Array<IndexDefinition & { seconds: number }> = [];
  const worker = async () => {
    const client = await connect();
    try {
      await client.query(`SET maintenance_work_mem = '1GB'`);
      for (let index = queue.shift(); index; index = queue.shift()) {
        const started = performance.now();
        await client.query(index.definition);
        built.push({ ...index, seconds: (performance.now() - started) / 1000 });
      }
    } finally {
      await client.end();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
  return built;
}
