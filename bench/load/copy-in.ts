import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** Streams COPY text chunks into a table (named columns); resolves when PostgreSQL has taken them all. */
export async function copyIn(client: ClientBase, table: string, columns: readonly string[], chunks: readonly Buffer[]): Promise<void> {
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks), sink);
}
