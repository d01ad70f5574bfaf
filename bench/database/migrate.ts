import { createDataSource } from '../../src/db/data-source';
import { registryEntities } from '../../src/modules';
import { maintainAuditPartitions } from '../../src/modules/audit/audit-retention';

/** Brings the schema up to date the way `npm start` does: the migrations, then this month's audit partitions. */
export async function migrate(url: string): Promise<void> {
  const dataSource = createDataSource({ entities: registryEntities, url });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
    await maintainAuditPartitions(dataSource, 36);
  } finally {
    await dataSource.destroy();
  }
}
