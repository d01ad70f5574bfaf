// `npm run seed`: loads the demo story into the configured database (idempotent; refused in production).
import { runDatabaseCommand } from '../db/database-command';
import { registryEntities } from '../modules';
import { seedDemoData } from './seed';

runDatabaseCommand(registryEntities, async (dataSource, config) => {
  if (config.production) throw new Error('demo data is never loaded with NODE_ENV=production');
  await seedDemoData(dataSource);
  return 'demo data loaded';
});
