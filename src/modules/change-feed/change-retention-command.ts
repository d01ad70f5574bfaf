// `npm run changes:retention`: deletes the changes older than CHANGE_RETENTION_DAYS (default 30)
// from the change feed, as the database owner. Also run at every start.
import { runDatabaseCommand } from '../../db/database-command';
import { dropExpiredChanges } from './change-retention';

runDatabaseCommand([], async (dataSource, config) => {
  const deleted = await dropExpiredChanges(dataSource, config.changeRetentionDays);
  return `changes older than ${config.changeRetentionDays} days deleted: ${deleted}`;
});
