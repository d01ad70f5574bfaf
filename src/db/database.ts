import { join, resolve } from 'node:path';
import type { Config } from '../config/env';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface Database {
  url: string;
  /** True when this process started the server (and must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}

/**
 * The database to use: `DATABASE_URL` as it is, or an embedded PostgreSQL kept under the data
 * folder. With `handleSignals: false` the caller stops it on SIGTERM/SIGINT, after draining.
 */
export async function openDatabase(config: Config, options: { handleSignals?: boolean } = {}): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  const server = await startEmbeddedPostgres({
    dataDir: resolve(join(config.dataDir, 'pg')),
    persistent: true,
    handleSignals: options.handleSignals,
  });
  return { url: server.url, embedded: true, stop: () => server.stop() };
}
