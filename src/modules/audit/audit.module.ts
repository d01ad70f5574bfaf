import { defineModule } from '../registry-module';
import { AuditResolver } from './audit.resolver';

/** The audit trail's table is written and read in plain SQL (it is partitioned and append-only): no entity. */
export const auditModule = defineModule({
  name: 'audit',
  resolvers: [AuditResolver],
});
