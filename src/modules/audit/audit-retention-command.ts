// `npm run audit:retention`: creates the coming months' audit partitions and drops those older
// than AUDIT_RETENTION_MONTHS (default 36), as the database owner. Also run at every start.
import { runDatabaseCommand } from '../../db/database-command';
import { maintainAuditPartitions } from './audit-retention';

runDatabaseCommand([], async (dataSource, config) => {
  const { created, dropped } = await maintainAuditPartitions(dataSource, config.auditRetentionMonths);
  return `audit partitions created: ${created.join(', ') || 'none'}; dropped: ${dropped.join(', ') || 'none'}`;
});
