// `npm run audit:retention`: creates the coming months' audit partitions and drops those older
// than AUDIT_RETENTION_MONTHS (default 36), as the database owner. Also run at every start.
import 'reflect-metadata';
import { loadConfig } from '../../config/env';
import { openDatabase } from '../../db/database';
import { createDataSource } from '../../db/data-source';
import { maintainAuditPartitions } from './audit-retention';

async function run(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const dataSource = createDataSource({ url: database.url });
  try {
    await dataSource.initialize();
    const { created, dropped } = await maintainAuditPartitions(dataSource, config.auditRetentionMonths);
    console.log(`audit partitions created: ${created.join(', ') || 'none'}; dropped: ${dropped.join(', ') || 'none'}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
