// Once per test run: start (or attach to) one PostgreSQL server and migrate a template database
// that every test file clones. DATABASE_URL, when set, names the server to use instead of the
// embedded one (its user must be able to create databases).
import 'reflect-metadata';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from '../../src/db/data-source';
import { registryEntities } from '../../src/modules';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../src/db/embedded-postgres';
import { ensureConsoleBuild } from '../../src/http/console-build';
import { prepareChromium } from '../browser/support/chromium-path';
import { databaseUrl, templateDatabase, withServerClient } from './test-database';

declare global {
  // eslint-disable-next-line no-var
  var registryTestServer: EmbeddedPostgresHandle | undefined;
}

export default async function globalSetup(): Promise<void> {
  // Every test server serves the console: built once here (alongside the database's start), not by each.
  const consoleBuilt = ensureConsoleBuild();
  consoleBuilt.catch(() => {}); // awaited below; this only keeps an early failure from being "unhandled"
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    globalThis.registryTestServer = await startEmbeddedPostgres({
      dataDir: join(tmpdir(), `registry-test-pg-${process.pid}`),
      persistent: false,
    });
    serverUrl = globalThis.registryTestServer.url;
  }
  process.env.REGISTRY_TEST_SERVER_URL = serverUrl;
  process.env.REGISTRY_TEST_TEMPLATE = `registry_template_${process.pid}`;

  const template = templateDatabase();
  await withServerClient(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${template}`);
  });
  const dataSource = createDataSource({ entities: registryEntities, url: databaseUrl(serverUrl, template) });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await dataSource.destroy();
  }
  await consoleBuilt;
  await prepareChromium();
}
