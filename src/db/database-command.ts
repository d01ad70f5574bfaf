import 'reflect-metadata';
import type { DataSource } from 'typeorm';
import { loadConfig, type Config } from '../config/env';
import { openDatabase } from './database';
import { createDataSource } from './data-source';

/**
 * Runs a one-off command (`npm run seed`, `npm run audit:retention`) against the configured
 * database, migrated first, as its owner; prints what `work` reports and stops everything it
 * started. A failure prints its message and exits 1. `entities`: what the command's work maps
 * (the modules' entities, handed down by the command, since db/ knows no module).
 */
export function runDatabaseCommand(entities: Function[], work: (dataSource: DataSource, config: Config) => Promise<string>): void {
  const run = async () => {
    const config = loadConfig();
    const database = await openDatabase(config);
    const dataSource = createDataSource({ entities, url: database.url });
    try {
      await dataSource.initialize();
      await dataSource.runMigrations({ transaction: 'each' });
      console.log(await work(dataSource, config));
    } finally {
      if (dataSource.isInitialized) await dataSource.destroy();
      await database.stop();
    }
  };
  run().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
