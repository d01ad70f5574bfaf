import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { Role } from '../../auth/roles';
import { keysetConditions, travelOrderSql, type KeysetOrder } from '../../db/keyset';
import { NEWEST_FIRST_PARTS, type NewestFirstParts } from '../../db/newest-first-page';
import { cursorCodec } from '../../shared/paging/cursor';
import { decodePage, pageFromFetched, rowsToFetch } from '../../shared/paging/keyset-page';
import type { Page, PageRequest } from '../../shared/paging/page';
import { forbidden } from '../../shared/refusal';
import type { AuditFilter } from './audit.inputs';

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

/** All events (ADMIN), or one agency's: those written for its callers (`audit_event.agency_id`, indexed with `at`). */
export type AuditScope = 'all' | { agencyId: string };

/** Whose events the caller reads: all of them (ADMIN), or their own registered agency's (AUDITOR). */
export function auditScopeOf(caller: Caller): AuditScope {
  if (caller.roles.has(Role.ADMIN)) return 'all';
  if (!caller.roles.has(Role.AUDITOR)) throw forbidden('reading the audit trail needs the AUDITOR or ADMIN role');
  // An agency's trail is for its own auditors: a code nobody registered is nobody's agency
  // (its events are an ADMIN's, such as registering it).
  if (!caller.agency) throw forbidden(`agency ${caller.agencyCode} is not registered: its auditors read nothing`);
  return { agencyId: caller.agency.id };
}

/** Newest first, on the table's own columns (the query below names no alias). */
const EVENTS_NEWEST_FIRST: KeysetOrder<NewestFirstParts, AuditEventRow> = {
  codec: cursorCodec('audit-event', NEWEST_FIRST_PARTS),
  columns: () => [
    { part: 'time', sql: 'at', descending: true },
    { part: 'id', sql: 'id', descending: true },
  ],
  keyOf: (event) => ({ time: event.at.toISOString(), id: event.id }),
};

/** Reading the audit trail: one agency's events (AUDITOR) or all (ADMIN), newest first. */
export class AuditReadService {
  constructor(private readonly manager: EntityManager) {}

  async list(scope: AuditScope, filter: AuditFilter, request: PageRequest): Promise<Page<AuditEventRow>> {
    const page = decodePage(request, EVENTS_NEWEST_FIRST.codec);
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const add = (sql: (n: string) => string, value: unknown) => where.push(sql(bind(value)));
    if (scope !== 'all') add((p) => `agency_id = ${p}`, scope.agencyId);
    if (filter.actor) add((p) => `actor = ${p}`, filter.actor);
    if (filter.operation) add((p) => `operation = ${p}`, filter.operation);
    if (filter.outcome) add((p) => `outcome = ${p}`, filter.outcome);
    if (filter.entityId) add((p) => `${p} = ANY(entity_ids)`, filter.entityId);
    if (filter.from) add((p) => `at >= ${p}`, filter.from);
    if (filter.to) add((p) => `at <= ${p}`, filter.to);
    const filtered = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const countParams = [...params];
    const columns = EVENTS_NEWEST_FIRST.columns('');
    where.push(...keysetConditions(columns, EVENTS_NEWEST_FIRST.codec, page, bind));
    const rows: Array<Record<string, any>> = await this.manager.query(
      `SELECT id, at, actor, agency_code, operation, outcome, entity_ids, request_id, client_address, justification
         FROM audit_event ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${travelOrderSql(columns, page)} LIMIT ${rowsToFetch(page)}`,
      params,
    );
    const events = rows.map((r) => ({
      id: r.id, at: r.at, actor: r.actor, agency: r.agency_code, operation: r.operation, outcome: r.outcome,
      entityIds: r.entity_ids, requestId: r.request_id, clientAddress: r.client_address, justification: r.justification,
    }));
    return pageFromFetched(events, page, EVENTS_NEWEST_FIRST, async () =>
      Number((await this.manager.query(`SELECT count(*) AS n FROM audit_event ${filtered}`, countParams))[0].n),
    );
  }

  static cursorOf(event: AuditEventRow): string {
    return EVENTS_NEWEST_FIRST.codec.encode(EVENTS_NEWEST_FIRST.keyOf(event));
  }
}
