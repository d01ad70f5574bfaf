import type { EntityManager } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../graphql/relay/cursor';
import { toPage, type Page, type PageRequest } from '../../graphql/relay/page';
import type { AuditFilter } from './audit.types';

export interface AuditEventRow {
  id: string;
  at: Date;
  actor: string;
  agency: string | null;
  operation: string;
  outcome: string;
  entityIds: string[];
  requestId: string | null;
  clientAddress: string | null;
  justification: string | null;
}

const CURSOR = 'audit-event';

/** Reading the audit trail: one agency's events (AUDITOR) or all (ADMIN), newest first. */
export class AuditReadService {
  constructor(private readonly manager: EntityManager) {}

  async list(scope: { agencyCode: string } | 'all', filter: AuditFilter, page: PageRequest): Promise<Page<AuditEventRow>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (scope !== 'all') add((p) => `agency_code = ${p}`, scope.agencyCode);
    if (filter.actor) add((p) => `actor = ${p}`, filter.actor);
    if (filter.operation) add((p) => `operation = ${p}`, filter.operation);
    if (filter.outcome) add((p) => `outcome = ${p}`, filter.outcome);
    if (filter.entityId) add((p) => `${p} = ANY(entity_ids)`, filter.entityId);
    if (filter.from) add((p) => `at >= ${p}`, filter.from);
    if (filter.to) add((p) => `at <= ${p}`, filter.to);
    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const countParams = [...params];
    if (page.after) {
      const [at, id] = decodeCursor(page.after, CURSOR, 2);
      params.push(at, id);
      where.push(`(at, id) < (CAST($${params.length - 1} AS timestamptz), CAST($${params.length} AS uuid))`);
    }
    const rows: Array<Record<string, any>> = await this.manager.query(
      `SELECT id, at, actor, agency_code, operation, outcome, entity_ids, request_id, client_address, justification
         FROM audit_event ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY at DESC, id DESC LIMIT ${page.first + 1}`,
      params,
    );
    const events = rows.map((r) => ({
      id: r.id, at: r.at, actor: r.actor, agency: r.agency_code, operation: r.operation, outcome: r.outcome,
      entityIds: r.entity_ids, requestId: r.request_id, clientAddress: r.client_address, justification: r.justification,
    }));
    return toPage(events, page.first, async () =>
      Number((await this.manager.query(`SELECT count(*) AS n FROM audit_event ${filtered}`, countParams))[0].n),
    );
  }

  static cursorOf(event: AuditEventRow): string {
    return encodeCursor(CURSOR, [event.at.toISOString(), event.id]);
  }
}
