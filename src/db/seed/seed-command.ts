// `npm run seed`: loads the demo story into the configured database (idempotent; refused in production).
import 'reflect-metadata';
import { loadConfig } from '../../config/env';
import { openDatabase } from '../database';
import { createDataSource } from '../data-source';
import { seedDemoData } from './seed';

async function run(): Promise<void> {
  const config = loadConfig();
  if (config.production) throw new Error('demo data is never loaded with NODE_ENV=production');
  const database = await openDatabase(config);
  const dataSource = createDataSource({ url: database.url });
  try {
    await dataSource.initialize();
    await dataSource.runMigrations({ transaction: 'each' });
    await seedDemoData(dataSource);
    console.log('demo data loaded');
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
