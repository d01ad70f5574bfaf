import type { EntityManager } from 'typeorm';

export type AuditOutcome = 'SUCCESS' | 'DENIED' | 'FAILED';

/** One audit event: who did what, to which records, and how it ended. */
export interface AuditRecord {
  actor: string;
  agencyCode: string | null;
  agencyId: string | null;
  operation: string;
  outcome: AuditOutcome;
  entityIds: string[];
  requestId: string;
  clientAddress: string | null;
  justification: string | null;
}

/** Appends events to the audit trail (append-only: the database refuses any change to them). */
export async function appendAuditEvents(manager: Pick<EntityManager, 'query'>, events: AuditRecord[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `INSERT INTO audit_event (actor, agency_code, agency_id, operation, outcome, entity_ids, request_id, client_address, justification)
     SELECT e.actor, e.agency_code, e.agency_id, e.operation, e.outcome, string_to_array(e.entity_ids, ' '), e.request_id, e.client_address, e.justification
       FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]), CAST($3 AS uuid[]), CAST($4 AS text[]), CAST($5 AS text[]),
                   CAST($6 AS text[]), CAST($7 AS text[]), CAST($8 AS text[]), CAST($9 AS text[]))
            AS e(actor, agency_code, agency_id, operation, outcome, entity_ids, request_id, client_address, justification)`,
    [
      events.map((e) => e.actor), events.map((e) => e.agencyCode), events.map((e) => e.agencyId), events.map((e) => e.operation),
      events.map((e) => e.outcome), events.map((e) => e.entityIds.join(' ')), events.map((e) => e.requestId),
      events.map((e) => e.clientAddress), events.map((e) => e.justification),
    ],
  );
}
