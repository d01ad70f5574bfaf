/**
 * Identifiers of parties (suppliers): validation and the normalised key they are compared by.
 * Pure: no database, no GraphQL. The value as recorded is
 * evidence and is stored unchanged beside its key.
 */
import { domainToASCII } from 'node:url';
import { ErrorCode, type Problems } from '../../shared/domain-error';
import { invalidArgument } from '../../shared/refusal';
import { ISO_COUNTRY_CODES } from '../../shared/iso-countries';
import { canonicalUrlKey } from './identifiers/canonical-url';
import { cryptoWalletKey } from './identifiers/crypto-wallet';
import { ibanKey } from './identifiers/iban';
import { ok, refuse, type KeyResult } from './identifiers/key-result';
import { phoneKey } from './identifiers/phone-number';
import { IdentifierScheme } from './supplier.enums';

export type { KeyResult } from './identifiers/key-result';

/** Schemes a party's identifier may have. URL is not one: it looks adverts up by their address (`sightings`, `AdvertFilter`). */
export const IDENTIFIER_SCHEMES: readonly IdentifierScheme[] = Object.values(IdentifierScheme).filter((scheme) => scheme !== IdentifierScheme.URL);

/** Limit on an identifier as recorded (trimmed), like every identifier in the API contract. */
export const PARTY_IDENTIFIER_MAX_LENGTH = 64;
/**
 * Longer limit for WEBSITE, EMAIL and CRYPTO_WALLET: a web address is often pasted with its
 * path and query (a shop page), e-mail addresses may reach 254 characters (RFC 5321), and a
 * Taproot address with its chain is 66, so 64 would refuse real evidence. 200 keeps them
 * practical without unbounded input. A URL looked up may be as long as browsers keep them.
 */
export const PARTY_IDENTIFIER_LONG_MAX_LENGTH = 200;
export const URL_MAX_LENGTH = 2048;

export function maxLengthOf(scheme: IdentifierScheme): number {
  switch (scheme) {
    case IdentifierScheme.WEBSITE:
    case IdentifierScheme.EMAIL:
    case IdentifierScheme.CRYPTO_WALLET:
      return PARTY_IDENTIFIER_LONG_MAX_LENGTH;
    case IdentifierScheme.URL:
      return URL_MAX_LENGTH;
    default:
      return PARTY_IDENTIFIER_MAX_LENGTH;
  }
}

/** A scheme as written (any case, spaces or hyphens for underscores: "company-reg"), or null if not one of `schemes`. */
export function parseScheme(raw: string, schemes: readonly IdentifierScheme[] = IDENTIFIER_SCHEMES): IdentifierScheme | null {
  const name = raw.normalize('NFKC').trim().toUpperCase().replace(/[\s-]+/g, '_');
  return (schemes as readonly string[]).includes(name) ? (name as IdentifierScheme) : null;
}

/** Whitespace (incl. no-break), dashes and hyphens (incl. minus and soft hyphen), dots, invisible format characters. */
const SPACES_DOTS_HYPHENS = /[\s\p{Pd}\p{Cf}\u2212.\u00B7]/gu;
/** Anything that is not a letter or a digit. */
const NON_ALPHANUMERIC = /[^\p{L}\p{N}]/gu;

// ---------------------------------------------------------------------------------------------
// VAT
// ---------------------------------------------------------------------------------------------

/**
 * Two-letter prefixes a VAT number may carry: assigned ISO 3166-1 codes plus the VIES
 * specials EL (Greece), XI (Northern Ireland) and EU (non-union OSS scheme). GR and UK are
 * accepted as written and keyed as EL and GB, so the same number written both ways compares equal.
 */
const VAT_PREFIX_ALIASES: Readonly<Record<string, string>> = { GR: 'EL', UK: 'GB' };
const VAT_EXTRA_PREFIXES = new Set(['EL', 'XI', 'EU', 'UK']);
const VAT_SHAPE = /^([A-Z]{2})([A-Z0-9]{2,13})$/;

/** VAT: two-letter country prefix, then 2 to 13 letters or digits; keyed upper-case without spaces, dots or hyphens. */
export function vatKey(raw: string): KeyResult {
  const compact = raw.normalize('NFKC').toUpperCase().replace(SPACES_DOTS_HYPHENS, '');
  if (!/^[A-Z]{2}/.test(compact)) {
    return refuse(`VAT number '${raw}' must start with the two-letter country prefix, e.g. DE123456789 or EL123456789`);
  }
  const prefix = compact.slice(0, 2);
  if (!ISO_COUNTRY_CODES.has(prefix) && !VAT_EXTRA_PREFIXES.has(prefix)) {
    return refuse(`VAT number '${raw}' starts with '${prefix}', which is not a country prefix (Greece is EL, Northern Ireland XI)`);
  }
  const match = VAT_SHAPE.exec(compact);
  if (!match) {
    const rest = compact.slice(2);
    return /[^A-Z0-9]/.test(rest)
      ? refuse(`VAT number '${raw}' may hold only letters and digits after its prefix (spaces, dots and hyphens are ignored)`)
      : refuse(`VAT number '${raw}' must have 2 to 13 letters or digits after its prefix, got ${rest.length}`);
  }
  const digits = match[2].replace(/\D/g, '').length;
  if (digits < 2) return refuse(`VAT number '${raw}' has no number after its prefix: a VAT number is mostly digits`);
  return ok(`${VAT_PREFIX_ALIASES[prefix] ?? prefix}${match[2]}`);
}

// ---------------------------------------------------------------------------------------------
// Company registration and OTHER
// ---------------------------------------------------------------------------------------------

/**
 * Company registration numbers (free text per country), hawala transfer codes as written on a
 * receipt, and OTHER: upper-case letters and digits, every other character dropped (`O` and `0`
 * stay different: codes compare exactly).
 */
export function compactKey(raw: string, what: string): KeyResult {
  const key = raw.normalize('NFKC').toUpperCase().normalize('NFKC').replace(NON_ALPHANUMERIC, '');
  if (key === '') return refuse(`${what} '${raw}' has no letters or digits`);
  return ok(key);
}

// ---------------------------------------------------------------------------------------------
// E-mail and website
// ---------------------------------------------------------------------------------------------

const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * A host name as compared: lower-case ASCII, internationalised names in their punycode form
 * (so "münchen.de" and "xn--mnchen-3ya.de" are one host), without a trailing dot; or why it
 * is not a host name. A top-level domain has letters (or is an xn-- label); IPv4 addresses pass.
 */
function hostKey(raw: string): { ok: true; host: string } | { ok: false; problem: string } {
  const written = raw.replace(/\.$/, '');
  if (written === '') return { ok: false, problem: 'has no host name' };
  const tld = written.slice(written.lastIndexOf('.') + 1);
  if (written.includes('.') && /^\d+$/.test(tld) && !IPV4.test(written)) {
    return { ok: false, problem: `ends its domain with '${tld}', which is not a top-level domain` };
  }
  const host = domainToASCII(written);
  if (host === '') return { ok: false, problem: `has a domain '${written}' with characters a domain cannot hold` };
  if (IPV4.test(host)) return { ok: true, host };
  const labels = host.split('.');
  if (labels.length < 2) return { ok: false, problem: `needs a domain with a dot, got '${written}'` };
  if (labels.some((label) => label === '')) return { ok: false, problem: `has an empty part in its domain '${written}'` };
  if (labels.some((label) => label.length > 63 || !HOST_LABEL.test(label))) {
    return { ok: false, problem: `has a domain '${written}' with characters a domain cannot hold` };
  }
  const last = labels[labels.length - 1];
  if (!/^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/.test(last)) return { ok: false, problem: `ends its domain with '${last}', which is not a top-level domain` };
  return { ok: true, host };
}

/** E-mail: exactly one '@', a local part without spaces, a domain with a dot; keyed lower-case ("mailto:" dropped). */
export function emailKey(raw: string): KeyResult {
  const text = raw.normalize('NFKC').trim().replace(/^mailto:/i, '');
  const parts = text.split('@');
  if (parts.length !== 2) return refuse(`e-mail '${raw}' must have exactly one @, got ${parts.length - 1}`);
  const [local, domain] = parts;
  if (local === '') return refuse(`e-mail '${raw}' has nothing before the @`);
  if (/[\s<>(),;:"[\]\\]/.test(local)) return refuse(`e-mail '${raw}' has spaces or punctuation an address cannot hold before the @`);
  const host = hostKey(domain);
  if (!host.ok) return refuse(`e-mail '${raw}' ${host.problem}`);
  return ok(`${local.toLowerCase()}@${host.host}`);
}

/**
 * Website: the host name only, lower-case, without scheme, user, port, path, query, fragment,
 * trailing dot or leading "www.". ("shop.example.com/anvora" and "https://WWW.Example.com:8080/x"
 * give "shop.example.com" and "example.com".)
 */
export function websiteKey(raw: string): KeyResult {
  const text = raw.normalize('NFKC').trim();
  if (/\s/.test(text)) return refuse(`website '${raw}' must not contain spaces`);
  const withoutScheme = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^\/\//, '');
  let host = withoutScheme.split(/[/?#]/, 1)[0];
  host = host.slice(host.lastIndexOf('@') + 1); // user:password@
  const key = hostKey(host.replace(/:\d*$/, '').toLowerCase());
  if (!key.ok) return refuse(`website '${raw}' ${key.problem}`);
  return ok(key.host.replace(/^www\.(?=[^.]+\.)/, ''));
}

// ---------------------------------------------------------------------------------------------
// Social handle
// ---------------------------------------------------------------------------------------------

/** Other names of platforms, keyed under one name each, so the same account compares equal. */
const PLATFORM_ALIASES: Readonly<Record<string, string>> = {
  tg: 'telegram', t: 'telegram', 'telegram.me': 'telegram', 't.me': 'telegram',
  fb: 'facebook', 'facebook.com': 'facebook', 'fb.com': 'facebook', meta: 'facebook',
  ig: 'instagram', insta: 'instagram', 'instagram.com': 'instagram',
  twitter: 'x', 'twitter.com': 'x', 'x.com': 'x',
  wa: 'whatsapp', 'wa.me': 'whatsapp', 'whatsapp.com': 'whatsapp',
  'tiktok.com': 'tiktok', 'vk.com': 'vk', vkontakte: 'vk', 'youtube.com': 'youtube', yt: 'youtube',
  'snapchat.com': 'snapchat', snap: 'snapchat', 'linkedin.com': 'linkedin',
};

/** Hosts whose profile URLs are read as platform:handle (the first path segment, or /add/x, /in/x, /company/x). */
const PROFILE_HOSTS = new Set(Object.keys(PLATFORM_ALIASES).filter((name) => name.includes('.')));

const PLATFORM = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
const HANDLE = /^\+?[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;

function platformName(raw: string): string {
  const name = raw.toLowerCase();
  return PLATFORM_ALIASES[name] ?? PLATFORM_ALIASES[name.replace(/^www\./, '')] ?? name;
}

/** A profile URL of a known platform ("https://t.me/anvora_shop") as platform and handle, or null. */
function fromProfileUrl(text: string): { platform: string; handle: string } | null {
  const match = /^(?:https?:\/\/)?(?:www\.|m\.)?([a-z0-9.-]+\.[a-z]+)\/+([^?#]+)/i.exec(text);
  if (!match || !PROFILE_HOSTS.has(match[1].toLowerCase())) return null;
  const segments = match[2].split('/').filter(Boolean);
  const skip = ['add', 'in', 'company', 'c', 'user', 's'];
  const handle = segments.length > 1 && skip.includes(segments[0].toLowerCase()) ? segments[1] : segments[0];
  return handle ? { platform: platformName(match[1]), handle } : null;
}

/**
 * Social handle: `platform:handle` ("telegram:@name", "facebook:name", or a profile URL of a
 * known platform); keyed lower-case as `platform:handle`, the handle's leading '@' dropped and
 * platform names unified (tg → telegram, twitter → x...). Refused without a platform.
 */
export function socialHandleKey(raw: string): KeyResult {
  const text = raw.normalize('NFKC').trim();
  const parsed = fromProfileUrl(text) ?? splitPlatform(text);
  if (!parsed || /^https?$/i.test(parsed.platform.trim())) {
    return refuse(
      `social handle '${raw}' needs its platform: write platform:handle, e.g. telegram:@name or facebook:name (a web address that is not a profile goes under WEBSITE)`,
    );
  }
  const platform = platformName(parsed.platform.trim());
  const handle = parsed.handle.trim().replace(/^@+/, '').toLowerCase();
  if (!PLATFORM.test(platform)) return refuse(`social handle '${raw}' has a platform '${parsed.platform.trim()}' that is not a name`);
  if (handle === '') return refuse(`social handle '${raw}' has no handle after the platform`);
  if (!HANDLE.test(handle)) {
    return refuse(`social handle '${raw}' has a handle with spaces or punctuation: use letters, digits, dots, hyphens and underscores`);
  }
  return ok(`${platform}:${handle}`);
}

function splitPlatform(text: string): { platform: string; handle: string } | null {
  const colon = text.indexOf(':');
  if (colon <= 0) return null;
  return { platform: text.slice(0, colon), handle: text.slice(colon + 1) };
}

// ---------------------------------------------------------------------------------------------
// Dispatch and validation
// ---------------------------------------------------------------------------------------------

/**
 * The comparison key of a value under a scheme, or why the value cannot be one. `region` is the
 * country a phone number written in national form is read in (see phoneKey).
 */
export function identifierKey(scheme: IdentifierScheme, raw: string, region: string | null): KeyResult {
  switch (scheme) {
    case IdentifierScheme.VAT:
      return vatKey(raw);
    case IdentifierScheme.COMPANY_REG:
      return compactKey(raw, 'company registration');
    case IdentifierScheme.PHONE:
      return phoneKey(raw, region);
    case IdentifierScheme.EMAIL:
      return emailKey(raw);
    case IdentifierScheme.WEBSITE:
      return websiteKey(raw);
    case IdentifierScheme.SOCIAL_HANDLE:
      return socialHandleKey(raw);
    case IdentifierScheme.IBAN:
      return ibanKey(raw);
    case IdentifierScheme.CRYPTO_WALLET:
      return cryptoWalletKey(raw);
    case IdentifierScheme.HAWALA_CODE:
      return compactKey(raw, 'hawala code');
    case IdentifierScheme.URL:
      return canonicalUrlKey(raw);
    case IdentifierScheme.OTHER:
      return compactKey(raw, 'identifier');
  }
}

/** A validated party identifier: the scheme, the value as recorded (trimmed) and its key. */
export interface PartyIdentifierDraft {
  scheme: IdentifierScheme;
  value: string;
  valueKey: string;
}

/**
 * Validates one `{scheme, value}` at `path` (e.g. ["input","identifiers","2"]), a phone in
 * national form read in `region`: an unknown scheme is INVALID_INPUT on `scheme` (naming the
 * known ones); an empty or over-long value is INVALID_INPUT on `value`; a value that cannot be
 * what its scheme says is INVALID_IDENTIFIER on `value`. Returns null when refused.
 */
export function validatePartyIdentifier(
  input: { scheme: string; value: string },
  path: string[],
  problems: Problems,
  region: string | null,
): PartyIdentifierDraft | null {
  const scheme = parseScheme(input.scheme);
  if (!scheme) {
    const url = parseScheme(input.scheme, [IdentifierScheme.URL]) ? ' (URL looks adverts up by their address; a party\'s site is a WEBSITE)' : '';
    problems.add(
      ErrorCode.INVALID_INPUT,
      `scheme '${input.scheme.trim()}' is not known${url}: use one of ${IDENTIFIER_SCHEMES.join(', ')}`,
      [...path, 'scheme'],
    );
    return null;
  }
  const value = input.value.trim();
  const field = [...path, 'value'];
  if (value === '') {
    problems.add(ErrorCode.INVALID_INPUT, `${scheme} value must not be empty`, field);
    return null;
  }
  const max = maxLengthOf(scheme);
  if (value.length > max) {
    problems.add(ErrorCode.INVALID_INPUT, `${scheme} value must be at most ${max} characters, got ${value.length}`, field);
    return null;
  }
  const key = identifierKey(scheme, value, region);
  if (!key.ok) {
    problems.add(ErrorCode.INVALID_IDENTIFIER, key.message, field);
    return null;
  }
  return { scheme, value, valueKey: key.key };
}

/**
 * The scheme and key of an identifier given as an argument (a filter, a look-up), a phone in
 * national form read in `region`; one that cannot be an identifier of `schemes` is a refusal of
 * that argument (BAD_USER_INPUT).
 */
export function identifierArgument(
  identifier: { scheme: string; value: string },
  region: string | null,
  argument: string,
  schemes: readonly IdentifierScheme[] = IDENTIFIER_SCHEMES,
): { scheme: IdentifierScheme; key: string } {
  const scheme = parseScheme(identifier.scheme, schemes);
  if (!scheme) throw invalidArgument(`identifier scheme '${identifier.scheme.trim()}' is not known: use one of ${schemes.join(', ')}`, argument);
  const key = identifierKey(scheme, identifier.value.trim(), region);
  if (!key.ok) throw invalidArgument(key.message, argument);
  return { scheme, key: key.key };
}
