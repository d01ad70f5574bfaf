import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { insertInChunks } from '../../db/bulk-insert';
import { insertOneUnlessTaken } from '../../db/insert-one';
import { clientKeyOf, clientKeyUsed } from '../../shared/client-key';
import { ErrorCode, Problems } from '../../shared/domain-error';
import { HandlingCode } from '../../shared/handling';
import { moneyOf } from '../../shared/money';
import { readableNamedRecords } from '../../shared/named-records';
import { isInTheFuture } from '../../shared/record-limits';
import { LIMITS, optionalNumber, optionalText } from '../../shared/text-fields';
import { resolveSharedWith } from '../agency/shared-with';
import { SeizureService } from '../seizure/seizure.service';
import { SightedKind } from '../sighting/sighting.enums';
import { SightingService } from '../sighting/sighting.service';
import { canonicalUrlKey } from '../supplier/identifiers/canonical-url';
import { URL_MAX_LENGTH } from '../supplier/party-identifiers';
import { SupplierService } from '../supplier/supplier.service';
import { validateAdvertIdentifiers } from './advert-identifiers';
import { AdvertIdentifierEntity, AdvertOfferEntity, AdvertSeizureEntity } from './advert-parts.entity';
import { comparableFold } from './advert-text';
import { AdvertEntity } from './advert.entity';
import type { AdvertOfferInput, AdvertRecordInput } from './advert.inputs';
import { AdvertService } from './advert.service';

/** Offers in one advert. */
export const MAX_OFFERS = 20;
/** Seizures one advert is evidence for. */
export const MAX_ADVERT_SEIZURES = 100;
export const MAX_QUANTITY = 1_000_000;

/** An advert to record with every record it names by database id (null: an id that names nothing of its type). */
export type AdvertRecordRequest = Omit<AdvertRecordInput, 'advertiserId' | 'seizureIds'> & {
  advertiserId?: string | null;
  seizureIds: Array<string | null>;
};

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The advertiser named by an input: a readable supplier (NOT_FOUND otherwise); undefined when not named. */
export async function readableAdvertiser(manager: EntityManager, caller: RegisteredCaller, id: string | null | undefined, problems: Problems): Promise<string | null | undefined> {
  if (id === undefined) return undefined;
  const found = id === null ? [] : await new SupplierService(manager, caller).byIds([id]);
  if (found.length === 0) problems.add(ErrorCode.NOT_FOUND, 'advertiserId: no such supplier, or not readable by you', ['input', 'advertiserId']);
  return id;
}

/** The seizures named by an advert's input: readable, at most MAX_ADVERT_SEIZURES. */
export function readableAdvertSeizures(manager: EntityManager, caller: RegisteredCaller, ids: Array<string | null>, problems: Problems): Promise<string[]> {
  const named = { field: 'seizureIds', what: 'seizure', by: 'an advert', max: MAX_ADVERT_SEIZURES };
  return readableNamedRecords(ids, named, (wanted) => new SeizureService(manager, caller).byIds(wanted), problems);
}

/**
 * Recording adverts: validated whole; the advertiser and every seizure named must be readable;
 * a retry with the same `clientKey` stores nothing; its identifiers, URL, file and text are
 * sighted against other agencies' records.
 */
export class AdvertRecordService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  async record(input: AdvertRecordRequest, now = new Date()): Promise<AdvertEntity> {
    const problems = new Problems();
    const handling = input.handling ?? HandlingCode.TLP_GREEN;
    const agencyId = this.caller.agency.id;
    const advertiserId = await readableAdvertiser(this.manager, this.caller, input.advertiserId, problems);
    const seizureIds = await readableAdvertSeizures(this.manager, this.caller, input.seizureIds, problems);
    if (isInTheFuture(input.capturedAt, now)) problems.add(ErrorCode.INVALID_INPUT, 'capturedAt is in the future', ['input', 'capturedAt']);
    const url = this.urlOf(input.url, problems);
    const text = optionalText(input.text, LIMITS.notes, ['input', 'text'], problems);
    const identifiers = validateAdvertIdentifiers(input, this.caller.agency.jurisdiction, problems);
    const offers = this.offersOf(input.offers ?? [], problems);
    const row = {
      agencyId,
      platform: input.platform,
      kind: input.kind,
      url: url?.url ?? null,
      urlKey: url?.key ?? null,
      capturedAt: input.capturedAt,
      text,
      contentHash: this.contentHashOf(input.contentHash, problems),
      advertiserId: advertiserId ?? null,
      handling,
      sharedWith: await resolveSharedWith(this.manager, input.sharedWith, handling, agencyId, problems),
      recordedBy: this.caller.subject,
      clientKey: clientKeyOf(input.clientKey, problems),
    };
    problems.throwIfAny();

    const id = await insertOneUnlessTaken(this.manager, AdvertEntity, row);
    // The only key a new advert can conflict on is its client key.
    if (id === null) throw clientKeyUsed('advert', row.clientKey!, this.caller.agency.code, await this.byClientKey(row.clientKey!));
    await insertInChunks(this.manager, AdvertIdentifierEntity, identifiers.map((draft, position) => ({ advertId: id, position, agencyId, ...draft })));
    await insertInChunks(this.manager, AdvertOfferEntity, offers.map((offer, position) => ({ advertId: id, position, agencyId, ...offer })));
    await insertInChunks(this.manager, AdvertSeizureEntity, seizureIds.map((seizureId) => ({ advertId: id, seizureId, agencyId })));
    if (text !== null) {
      await this.manager.query('INSERT INTO advert_text (advert_id, agency_id, fold, document) VALUES ($1, $2, $3, advert_document($4, $3))', [
        id, agencyId, comparableFold(text), text,
      ]);
    }
    const sightings = new SightingService(this.manager, this.caller);
    await sightings.link(SightedKind.ADVERT, [id]);
    if (text !== null) await sightings.linkTexts([id]);
    return (await new AdvertService(this.manager, this.caller).byIds([id]))[0];
  }

  private async byClientKey(key: string): Promise<AdvertEntity | null> {
    return new AdvertService(this.manager, this.caller).readable()
      .andWhere('a.agency_id = :ownAgency AND a.client_key = :key', { ownAgency: this.caller.agency.id, key })
      .getOne();
  }

  /** The URL as recorded (trimmed) and its canonical form; INVALID_IDENTIFIER when it is no web address. */
  private urlOf(raw: string | null | undefined, problems: Problems): { url: string; key: string } | null {
    const url = optionalText(raw, URL_MAX_LENGTH, ['input', 'url'], problems);
    if (url === null || url.length > URL_MAX_LENGTH) return null;
    const key = canonicalUrlKey(url);
    if (!key.ok) {
      problems.add(ErrorCode.INVALID_IDENTIFIER, key.message, ['input', 'url']);
      return null;
    }
    return { url, key: key.key };
  }

  private contentHashOf(raw: string | null | undefined, problems: Problems): string | null {
    const hash = optionalText(raw, 64, ['input', 'contentHash'], problems)?.toLowerCase() ?? null;
    if (hash !== null && !SHA256_HEX.test(hash)) {
      problems.add(ErrorCode.INVALID_INPUT, 'contentHash must be a sha256 digest: 64 hexadecimal digits', ['input', 'contentHash']);
    }
    return hash;
  }

  private offersOf(offers: AdvertOfferInput[], problems: Problems) {
    if (offers.length > MAX_OFFERS) {
      problems.add(ErrorCode.INVALID_INPUT, `an advert holds at most ${MAX_OFFERS} offers, got ${offers.length}`, ['input', 'offers']);
    }
    return offers.slice(0, MAX_OFFERS).map((offer, i) => {
      const at = (field: string) => ['input', 'offers', String(i), field];
      const price = moneyOf(offer.price, at('price'), problems);
      return {
        itemKind: offer.itemKind ?? null,
        make: optionalText(offer.make, LIMITS.name, at('make'), problems),
        model: optionalText(offer.model, LIMITS.name, at('model'), problems),
        quantity: optionalNumber(offer.quantity, { min: 1, max: MAX_QUANTITY, integer: true }, at('quantity'), problems),
        amount: price?.amount ?? null,
        currency: price?.currency ?? null,
      };
    });
  }
}
