import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Set by global-setup: the server every test file shares, and the migrated template database. */
export function testServerUrl(): string {
  const url = process.env.REGISTRY_TEST_SERVER_URL;
  if (!url) throw new Error('integration tests need the global setup (run them through jest)');
  return url;
}

export function templateDatabase(): string {
  return process.env.REGISTRY_TEST_TEMPLATE ?? 'registry_template';
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withServerClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file, cloned from the migrated template (fast and isolated). */
export async function createTestDatabase(): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `registry_test_${randomBytes(6).toString('hex')}`;
  await withServerClient((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`));
  return {
    name,
    url: databaseUrl(testServerUrl(), name),
    drop: () => withServerClient((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
