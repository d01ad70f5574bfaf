import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { DomainError, ErrorCode, Problems } from '../../shared/domain-error';
import { HandlingCode } from '../../shared/handling';
import { LIMITS, optionalText } from '../../shared/text-fields';
import { resolveSharedWith } from '../agency/shared-with';
import { SeizureEntity } from './seizure.entity';
import type { SeizureUpdateInput } from './seizure-update.inputs';
import { SeizureService } from './seizure.service';
import { validateLocation, validateSeizedAt } from './seizure.validation';

/**
 * Amending a seizure: only its own agency may, against the version it read (optimistic
 * concurrency: a stale version is a CONFLICT and changes nothing). A seizure the caller may not
 * read is NOT_FOUND, so that its existence does not leak.
 */
export class SeizureUpdateService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  async update(input: Omit<SeizureUpdateInput, 'id'> & { id: string | null }, now = new Date()): Promise<SeizureEntity> {
    const reader = new SeizureService(this.manager, this.caller);
    const [current] = input.id ? await reader.byIds([input.id]) : [];
    if (!current) throw DomainError.of(ErrorCode.NOT_FOUND, 'no such seizure, or not readable by you', ['input', 'id']);
    if (current.agencyId !== this.caller.agency.id) {
      throw DomainError.of(ErrorCode.FORBIDDEN, 'only the agency that recorded a seizure may amend it', ['input', 'id']);
    }

    const problems = new Problems();
    const changes: Partial<SeizureEntity> = {};
    if (input.seizedAt) {
      validateSeizedAt(input.seizedAt, now, problems);
      changes.seizedAt = input.seizedAt;
    }
    if (input.jurisdiction) changes.jurisdiction = input.jurisdiction;
    if (input.location !== undefined) Object.assign(changes, validateLocation(input.location, problems));
    if (input.notes !== undefined) changes.notes = optionalText(input.notes, LIMITS.notes, ['input', 'notes'], problems);
    const handling = input.handling ?? current.handling;
    changes.handling = handling;
    if (input.sharedWith) {
      changes.sharedWith = await resolveSharedWith(this.manager, input.sharedWith, handling, this.caller.agency.id, problems);
    } else if (handling !== HandlingCode.TLP_AMBER) {
      changes.sharedWith = []; // sharing means nothing outside TLP_AMBER
    }
    problems.throwIfAny();

    const { affected } = await this.manager
      .createQueryBuilder()
      .update(SeizureEntity)
      .set(changes)
      .where('id = :id AND version = :version', { id: current.id, version: input.version })
      .execute();
    if (!affected) {
      throw DomainError.of(
        ErrorCode.CONFLICT,
        `the seizure changed since version ${input.version} (it is at version ${current.version}): read it again and redo the amendment`,
        ['input', 'version'],
        current,
      );
    }
    return (await reader.byIds([current.id]))[0];
  }
}
