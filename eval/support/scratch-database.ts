// A database nobody else uses, gone at the end: a throwaway embedded PostgreSQL, or, when
// DATABASE_URL names a server, a scratch database created on it and dropped afterwards.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import type { Cleanup } from './cleanup';
import { EvalFailure } from './failure';

export interface ScratchDatabase {
  url: string;
  /** For the report: where the evaluation ran. */
  description: string;
}

export async function openScratchDatabase(serverUrl: string | undefined, cleanup: Cleanup): Promise<ScratchDatabase> {
  return serverUrl ? createOnServer(serverUrl, cleanup) : startEmbedded(cleanup);
}

async function startEmbedded(cleanup: Cleanup): Promise<ScratchDatabase> {
  const dataDir = join(tmpdir(), `registry-eval-${process.pid}`);
  // handleSignals false: our own signal handler stops the server before PostgreSQL.
  const postgres = await startEmbeddedPostgres({ dataDir, persistent: false, handleSignals: false });
  cleanup.add('stop the embedded PostgreSQL', () => postgres.stop());
  return { url: postgres.url, description: `throwaway embedded PostgreSQL in ${dataDir} (removed afterwards)` };
}

async function createOnServer(serverUrl: string, cleanup: Cleanup): Promise<ScratchDatabase> {
  const name = `registry_eval_${process.pid}`;
  let server: URL;
  try {
    server = new URL(serverUrl);
  } catch {
    throw new EvalFailure('DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database)');
  }
  const drop = () => withClient(serverUrl, async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));
  await drop(); // a leftover of an earlier run with the same pid
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  cleanup.add(`drop the scratch database ${name}`, drop);
  const url = new URL(server);
  url.pathname = `/${name}`;
  return { url: url.toString(), description: `scratch database ${name} on DATABASE_URL's server ${server.host} (dropped afterwards)` };
}

async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new EvalFailure(`cannot connect to DATABASE_URL's server: ${(error as Error).message}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
