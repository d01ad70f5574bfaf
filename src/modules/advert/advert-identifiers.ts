/**
 * The account and contacts of an advert: validated as party identifiers, the account a
 * SOCIAL_HANDLE on the advert's own platform when written without one. Pure: no database.
 */
import { ErrorCode, type Problems } from '../../shared/domain-error';
import { identifierKey, parseScheme, validatePartyIdentifier, type PartyIdentifierDraft } from '../supplier/party-identifiers';
import { IdentifierScheme } from '../supplier/supplier.enums';
import { AdvertPlatform } from './advert.enums';

/** Contacts shown in one advert. */
export const MAX_CONTACTS = 20;

/** The handle platform of each advert platform that has handles of its own, as socialHandleKey names it. */
export const HANDLE_PLATFORMS: Readonly<Partial<Record<AdvertPlatform, string>>> = {
  [AdvertPlatform.FACEBOOK]: 'facebook',
  [AdvertPlatform.INSTAGRAM]: 'instagram',
  [AdvertPlatform.TIKTOK]: 'tiktok',
  [AdvertPlatform.TELEGRAM]: 'telegram',
  [AdvertPlatform.WHATSAPP]: 'whatsapp',
  [AdvertPlatform.SNAPCHAT]: 'snapchat',
  [AdvertPlatform.X]: 'x',
  [AdvertPlatform.YOUTUBE]: 'youtube',
};

/** Written with a platform (`platform:handle`) or as a profile address, rather than as a bare handle. */
const HAS_PLATFORM = /:|\//;

/** An identifier of the advert, and whether it is the posting account. */
export type AdvertIdentifierDraft = PartyIdentifierDraft & { isAccount: boolean };

/**
 * The account then the contacts, each validated at its place in the input (a national phone
 * read in `region`, the recording agency's jurisdiction); a contact repeated (or repeating the
 * account) is kept once.
 */
export function validateAdvertIdentifiers(
  input: { platform: AdvertPlatform; account?: { scheme: string; value: string } | null; contacts?: Array<{ scheme: string; value: string }> | null },
  region: string | null,
  problems: Problems,
): AdvertIdentifierDraft[] {
  const drafts: AdvertIdentifierDraft[] = [];
  const account = input.account ? validateAccount(input.account, input.platform, problems) : null;
  if (account) drafts.push({ ...account, isAccount: true });
  const contacts = input.contacts ?? [];
  if (contacts.length > MAX_CONTACTS) {
    problems.add(ErrorCode.INVALID_INPUT, `an advert shows at most ${MAX_CONTACTS} contacts, got ${contacts.length}`, ['input', 'contacts']);
  }
  const seen = new Set(drafts.map((d) => `${d.scheme} ${d.valueKey}`));
  contacts.slice(0, MAX_CONTACTS).forEach((contact, i) => {
    const draft = validatePartyIdentifier(contact, ['input', 'contacts', String(i)], problems, region);
    if (!draft || seen.has(`${draft.scheme} ${draft.valueKey}`)) return;
    seen.add(`${draft.scheme} ${draft.valueKey}`);
    drafts.push({ ...draft, isAccount: false });
  });
  return drafts;
}

function validateAccount(account: { scheme: string; value: string }, platform: AdvertPlatform, problems: Problems): PartyIdentifierDraft | null {
  const path = ['input', 'account'];
  const draft = validatePartyIdentifier(withPlatform(account, platform), path, problems, null);
  if (draft && draft.scheme !== IdentifierScheme.SOCIAL_HANDLE) {
    problems.add(ErrorCode.INVALID_INPUT, `the posting account is a SOCIAL_HANDLE, got ${draft.scheme}`, [...path, 'scheme']);
    return null;
  }
  // The value as recorded is what was written, not the handle with the platform added.
  return draft && { ...draft, value: account.value.trim() };
}

/** A bare handle ("@name") of a SOCIAL_HANDLE account, prefixed with the advert's platform when it has handles. */
function withPlatform(account: { scheme: string; value: string }, platform: AdvertPlatform): { scheme: string; value: string } {
  const handlePlatform = HANDLE_PLATFORMS[platform];
  const isHandle = parseScheme(account.scheme) === IdentifierScheme.SOCIAL_HANDLE;
  if (!isHandle || !handlePlatform || HAS_PLATFORM.test(account.value)) return account;
  return { scheme: account.scheme, value: `${handlePlatform}:${account.value.trim()}` };
}

/** A bare handle, looked up on every platform that has handles. */
const BARE_HANDLE = /^@[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
/** Looks like a web address rather than an e-mail address or a handle. */
const WEB_ADDRESS = /^(?:https?:\/\/|www\.|[^\s@/]+\.[a-z]{2,}\/)/i;
const LOOKED_UP: readonly IdentifierScheme[] = [IdentifierScheme.PHONE, IdentifierScheme.EMAIL, IdentifierScheme.SOCIAL_HANDLE, IdentifierScheme.CRYPTO_WALLET];

/**
 * Every key an identifier written without its scheme (`AdvertFilter.identifier`) may be: a phone
 * (national form read in `region`), an e-mail, a handle (`@name` on any platform that has
 * handles), a wallet, or a web address (its canonical URL). Empty when it can be none of them.
 */
export function identifierLookups(raw: string, region: string | null): Array<{ scheme: IdentifierScheme; key: string }> {
  const value = raw.normalize('NFKC').trim();
  const found = new Map<string, { scheme: IdentifierScheme; key: string }>();
  const attempt = (scheme: IdentifierScheme, written: string) => {
    const key = identifierKey(scheme, written, region);
    if (key.ok) found.set(`${scheme} ${key.key}`, { scheme, key: key.key });
  };
  if (BARE_HANDLE.test(value)) {
    for (const platform of Object.values(HANDLE_PLATFORMS)) attempt(IdentifierScheme.SOCIAL_HANDLE, `${platform}:${value}`);
  } else {
    for (const scheme of LOOKED_UP) attempt(scheme, value);
    if (WEB_ADDRESS.test(value)) attempt(IdentifierScheme.URL, value);
  }
  return [...found.values()];
}
