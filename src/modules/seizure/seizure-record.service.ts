import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { insertInChunks } from '../../db/bulk-insert';
import { clientKeyOf, clientKeyUsed } from '../../shared/client-key';
import { DomainError, ErrorCode, Problems } from '../../shared/domain-error';
import { resolveSharedWith } from '../agency/shared-with';
import { ItemEntity } from '../item/item.entity';
import { MatchingService } from '../matching/matching.service';
import { RouteLegEntity } from '../route/route-leg.entity';
import { SeizureEntity } from './seizure.entity';
import type { SeizureRecordInput } from './seizure.inputs';
import { SeizureService } from './seizure.service';
import { validateSeizure, type SeizureDraft } from './seizure.validation';

/** Recording seizures: validated whole, idempotent per agency on the client key and on the reference. */
export class SeizureRecordService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  /**
   * Records a seizure with its items for the caller's agency, whole or not at all. A client key
   * or a reference the agency already holds stores nothing and fails with DUPLICATE_REFERENCE
   * (the client key checked first), carrying the existing seizure if the caller may read it.
   * Concurrent calls are settled by the unique constraints on (agency, client key) and (agency,
   * reference key), never by a check before the insert. The new items are matched against every
   * agency's items before the write returns.
   */
  async record(input: SeizureRecordInput, now = new Date()): Promise<SeizureEntity> {
    const problems = new Problems();
    const draft = validateSeizure(input, now, problems);
    const clientKey = clientKeyOf(input.clientKey, problems);
    const sharedWith = await resolveSharedWith(this.manager, input.sharedWith, draft.handling, this.caller.agency.id, problems);
    problems.throwIfAny();

    const seizure = await this.insertSeizure(draft, sharedWith, clientKey);
    if (!seizure) {
      if (clientKey !== null && await this.clientKeyTaken(clientKey)) {
        throw clientKeyUsed('seizure', clientKey, this.caller.agency.code, await this.findBy('client_key', clientKey));
      }
      const existing = await this.findBy('reference_key', draft.referenceKey);
      throw DomainError.of(
        ErrorCode.DUPLICATE_REFERENCE,
        `reference '${draft.reference}' is already recorded by ${this.caller.agency.code}; amendments go through their own mutation`,
        ['input', 'reference'],
        existing,
      );
    }
    // Ids made here, so matching needs no read-back of the rows just written.
    const { id } = seizure;
    const items = draft.items.map((item, i) => ({ ...item, id: randomUUID(), seizureId: id, agencyId: this.caller.agency.id, position: i + 1 }));
    await insertInChunks(this.manager, ItemEntity, items);
    await new MatchingService(this.manager, this.caller).matchNewItems(id, items);
    await insertInChunks(
      this.manager,
      RouteLegEntity,
      draft.route.map((leg, i) => ({ ...leg, seizureId: id, agencyId: this.caller.agency.id, position: i + 1 })),
    );
    return seizure;
  }

  /**
   * Inserts the seizure row unless the agency already holds the reference; returns the seizure
   * as stored (the columns the database fills come back with RETURNING: no read-back), or null.
   */
  private async insertSeizure(draft: SeizureDraft, sharedWith: string[], clientKey: string | null): Promise<SeizureEntity | null> {
    const jurisdiction = draft.jurisdiction ?? this.caller.agency.jurisdiction;
    const rows: Array<{ id: string; recorded_at: Date; updated_at: Date; version: number }> = await this.manager.query(
      `INSERT INTO seizure (agency_id, reference, reference_key, jurisdiction, seized_at, location_description,
                            latitude, longitude, handling, shared_with, notes, recorded_by, client_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT DO NOTHING
       RETURNING id, recorded_at, updated_at, version`,
      [
        this.caller.agency.id, draft.reference, draft.referenceKey, jurisdiction,
        draft.seizedAt, draft.locationDescription, draft.latitude, draft.longitude, draft.handling, sharedWith,
        draft.notes, this.caller.subject, clientKey,
      ],
    );
    if (rows.length === 0) return null;
    const [stored] = rows;
    return Object.assign(new SeizureEntity(), {
      id: stored.id, agencyId: this.caller.agency.id, reference: draft.reference, referenceKey: draft.referenceKey, jurisdiction,
      seizedAt: draft.seizedAt, locationDescription: draft.locationDescription, latitude: draft.latitude, longitude: draft.longitude,
      handling: draft.handling, sharedWith, notes: draft.notes, recordedBy: this.caller.subject, clientKey,
      recordedAt: stored.recorded_at, updatedAt: stored.updated_at, version: stored.version,
    });
  }

  /** Whether the agency holds the client key, even on a seizure the caller may not read. */
  private async clientKeyTaken(key: string): Promise<boolean> {
    const [row]: Array<{ taken: boolean }> = await this.manager.query('SELECT seizure_client_key_taken($1) AS taken', [key]);
    return row.taken;
  }

  /** The agency's seizure holding the key, if the caller may read it. */
  private async findBy(column: 'client_key' | 'reference_key', key: string): Promise<SeizureEntity | null> {
    return this.reader()
      .readable()
      .andWhere(`s.agency_id = :ownAgency AND s.${column} = :key`, { ownAgency: this.caller.agency.id, key })
      .getOne();
  }

  private reader(): SeizureService {
    return new SeizureService(this.manager, this.caller);
  }
}
