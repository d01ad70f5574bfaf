// `npm run schema:database`: writes schema/database.sql, the description of a freshly migrated
// database. Runs its own throwaway embedded PostgreSQL, so neither DATABASE_URL nor ./.data is touched.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createDataSource } from './data-source';
import { startEmbeddedPostgres } from './embedded-postgres';
import { PROJECT_ROOT } from '../shared/project-root';
import { describeDatabase } from './schema-description';

const FILE = join(PROJECT_ROOT, 'schema', 'database.sql');

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres({ dataDir: join(tmpdir(), `registry-schema-pg-${process.pid}`), persistent: false });
  try {
    const dataSource = createDataSource({ entities: [], url: server.url, poolSize: 1 });
    await dataSource.initialize();
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await dataSource.destroy();
    }
    const client = new Client({ connectionString: server.url });
    await client.connect();
    try {
      writeFileSync(FILE, await describeDatabase((sql) => client.query(sql).then((result) => result.rows)));
    } finally {
      await client.end();
    }
  } finally {
    await server.stop();
  }
  console.log(`wrote ${FILE}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
