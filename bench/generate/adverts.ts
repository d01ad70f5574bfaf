import { comparableFold } from '../../src/modules/advert/advert-text';
import { AdvertKind, AdvertPlatform } from '../../src/modules/advert/advert.enums';
import { canonicalUrlKey } from '../../src/modules/supplier/identifiers/canonical-url';
import { identifierKey } from '../../src/modules/supplier/party-identifiers';
import { IdentifierScheme } from '../../src/modules/supplier/supplier.enums';
import type { Scale } from '../scales';
import { advertText, repostOf } from './advert-texts';
import { AgencyPicker, type BenchAgency } from './agencies';
import { pickSharing } from './handling';
import { inventedWord } from './names';
import { phone } from './party-identifiers';
import type { Random } from './random';
import type { DatasetTables } from './tables';

const FIRST_CAPTURE = new Date('2021-01-01T00:00:00Z');
const LAST_CAPTURE = new Date('2025-10-15T00:00:00Z');
const PLATFORMS = { TIKTOK: 30, FACEBOOK: 25, TELEGRAM: 15, INSTAGRAM: 12, WHATSAPP: 6, MARKETPLACE: 8, X: 2, YOUTUBE: 2 } as const;
const KINDS = { EQUIPMENT_SALE: 70, CROSSING_OFFER: 22, RECRUITMENT: 5, OTHER: 3 } as const;
const PHONE_COUNTRIES = { IQ: 30, TR: 20, BE: 10, FR: 10, DE: 10, GB: 10, NL: 5, BG: 5 } as const;
const HOSTS: Partial<Record<AdvertPlatform, string>> = {
  TIKTOK: 'www.tiktok.com', FACEBOOK: 'www.facebook.com', TELEGRAM: 't.me', INSTAGRAM: 'www.instagram.com', WHATSAPP: 'whatsapp.com',
  MARKETPLACE: 'www.leboncoin-example.fr', X: 'x.com', YOUTUBE: 'www.youtube.com',
};
/** Of every advert, those that repost an earlier one's text from another agency's capture. */
const REPOST_SHARE = 0.08;

/**
 * `scale.adverts` adverts captured by the agencies: a text on a template of one of eight
 * languages (advert-texts.ts), a posting account, a phone, a URL, for some the file's hash; one
 * in twelve reposts an earlier advert's text with a new price and phone. Their folded texts are
 * loaded with an empty search document, which the load computes in PostgreSQL as a live
 * record's (advert_document).
 */
export function generateAdverts(random: Random, scale: Scale, agencies: BenchAgency[], tables: DatasetTables): number {
  const picker = new AgencyPicker(agencies);
  const texts: string[] = [];
  for (let n = 0; n < scale.adverts; n++) {
    const id = random.uuid();
    const agency = picker.pick(random);
    const { handling, sharedWith } = pickSharing(random, agency, agencies);
    const platform = random.weighted(PLATFORMS) as AdvertPlatform;
    const contact = phone(random, random.weighted(PHONE_COUNTRIES));
    const text = texts.length > 0 && random.chance(REPOST_SHARE) ? repostOf(random, random.pick(texts), contact) : advertText(random, contact);
    texts.push(text);
    const handle = `${inventedWord(random).toLowerCase()}.${random.digits(4)}`;
    const url = `https://${HOSTS[platform]}/@${handle}/post/${random.digits(18)}`;
    const capturedAt = random.dateBetween(FIRST_CAPTURE, LAST_CAPTURE);
    const hash = random.chance(0.4) ? random.letters(64, '0123456789abcdef') : null;
    tables.advert.add([
      id, agency.id, platform, random.weighted(KINDS) as AdvertKind, url, keyOf(canonicalUrlKey(url), url), capturedAt, text, hash, handling, sharedWith,
      `officer.${agency.code.toLowerCase()}.${random.int(1, 40)}`, new Date(capturedAt.getTime() + random.int(1, 30) * 86_400_000),
    ]);
    const account = `${platform === AdvertPlatform.MARKETPLACE ? 'marketplace' : platform.toLowerCase()}:${handle}`;
    tables.advert_identifier.add([id, 0, agency.id, true, IdentifierScheme.SOCIAL_HANDLE, account, keyOf(identifierKey(IdentifierScheme.SOCIAL_HANDLE, account, null), account)]);
    tables.advert_identifier.add([id, 1, agency.id, false, IdentifierScheme.PHONE, contact, keyOf(identifierKey(IdentifierScheme.PHONE, contact, null), contact)]);
    tables.advert_text.add([id, agency.id, comparableFold(text), '']);
  }
  return tables.advert.rows;
}

function keyOf(result: { ok: true; key: string } | { ok: false; message: string }, value: string): string {
  if (!result.ok) throw new Error(`generated '${value}' is not valid: ${result.message}`);
  return result.key;
}
