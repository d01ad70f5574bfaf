import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { insertInChunks } from '../../db/bulk-insert';
import { DomainError, ErrorCode, Problems } from '../../shared/domain-error';
import { AdvertSeizureEntity } from './advert-parts.entity';
import { MAX_ADVERT_SEIZURES, readableAdvertiser, readableAdvertSeizures } from './advert-record.service';
import { AdvertEntity } from './advert.entity';
import { AdvertService } from './advert.service';

/** What advertLink is given, with every record it names by database id (null: an id that names nothing of its type). */
export interface AdvertLinkRequest {
  advertId: string | null;
  advertiserId?: string | null;
  seizureIds: Array<string | null>;
}

/**
 * Linking an advert, once an analyst knows more: the party behind it (replacing the one named
 * before) and more seizures it is evidence for. Only the recording agency links its adverts;
 * every record named must be readable.
 */
export class AdvertLinkService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  async link(input: AdvertLinkRequest): Promise<AdvertEntity> {
    const adverts = new AdvertService(this.manager, this.caller);
    const advert = input.advertId ? (await adverts.byIds([input.advertId]))[0] : undefined;
    if (!advert) throw DomainError.of(ErrorCode.NOT_FOUND, 'advertId: no such advert, or not readable by you', ['input', 'advertId']);
    if (advert.agencyId !== this.caller.agency.id) {
      throw DomainError.of(ErrorCode.FORBIDDEN, 'advertId: only the agency that recorded an advert links it', ['input', 'advertId']);
    }
    // Locked, so two links of one advert do not both count its seizures under the limit.
    await this.manager.query('SELECT 1 FROM advert WHERE id = $1 FOR UPDATE', [advert.id]);
    const problems = new Problems();
    const advertiserId = await readableAdvertiser(this.manager, this.caller, input.advertiserId, problems);
    const seizureIds = await readableAdvertSeizures(this.manager, this.caller, input.seizureIds, problems);
    const linked = await this.manager.query('SELECT seizure_id FROM advert_seizure WHERE advert_id = $1', [advert.id]);
    const added = seizureIds.filter((id) => !linked.some((row: { seizure_id: string }) => row.seizure_id === id));
    if (linked.length + added.length > MAX_ADVERT_SEIZURES) {
      problems.add(ErrorCode.INVALID_INPUT, `an advert names at most ${MAX_ADVERT_SEIZURES} seizures, it would have ${linked.length + added.length}`, ['input', 'seizureIds']);
    }
    problems.throwIfAny();

    if (advertiserId !== undefined) await this.manager.update(AdvertEntity, { id: advert.id }, { advertiserId });
    await insertInChunks(this.manager, AdvertSeizureEntity, added.map((seizureId) => ({ advertId: advert.id, seizureId, agencyId: advert.agencyId })));
    return (await adverts.byIds([advert.id]))[0];
  }
}
