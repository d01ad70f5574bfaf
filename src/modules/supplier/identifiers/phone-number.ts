import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { ok, refuse, type KeyResult } from './key-result';

/** Separators written inside phone numbers: spaces, hyphens, dots, slashes, parentheses. */
const PHONE_SEPARATORS = /[\s\p{Pd}\p{Cf}\u2212./()[\]]/gu;

/**
 * A phone number in E.164. Written internationally ('+' or '00', "(+44)", a "tel:" prefix,
 * "+44 (0)20 …" with the trunk zero in brackets), it stands on its own; written nationally, it
 * is read in `region`, the country of the record (libphonenumber also reads digits that start
 * with the region's own country code at international length as international). Accepted when
 * it is a *possible* number of its country by length and prefix: evidence holds unassigned and
 * reserved numbers, which "valid" (an assigned range) would refuse.
 */
export function phoneKey(raw: string, region: string | null): KeyResult {
  const text = raw.normalize('NFKC').trim().replace(/^tel:/i, '');
  const compact = text.replace(PHONE_SEPARATORS, '');
  if (/[^\d+]/.test(compact)) {
    return refuse(`phone '${raw}' may hold only digits, a leading + and separators (spaces, hyphens, dots, slashes, parentheses)`);
  }
  if (compact.lastIndexOf('+') > 0) return refuse(`phone '${raw}' has a + that is not at the start`);
  const international = compact.startsWith('+') || compact.startsWith('00');
  if (!international && !region) {
    return refuse(`phone '${raw}' has no country code and its record no country to read it in: write it with + or 00 and the country code`);
  }
  // "00" is the international prefix of most countries; libphonenumber reads it only for the region given.
  const written = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  const number = parsePhoneNumberFromString(written, international ? undefined : (region as CountryCode));
  if (!number || !number.isPossible()) {
    return refuse(
      international
        ? `phone '${raw}' cannot be a number of the country its code names (its length or prefix does not fit)`
        : `phone '${raw}' cannot be a number of ${region}, the country of its record (write it with + or 00 and the country code if it is a foreign number)`,
    );
  }
  return ok(number.number);
}
