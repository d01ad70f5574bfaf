import type * as IbanTools from 'ibantools' with { 'resolution-mode': 'import' };
import { ok, refuse, type KeyResult } from './key-result';

// The package runs under require() but its types are declared as ESM only.
const { electronicFormatIBAN, isValidIBAN }: typeof IbanTools = require('ibantools');

/**
 * An IBAN in its electronic form (upper case, no spaces), checked by its country's length and
 * format and its mod-97 check digits: a mistyped or transposed digit is refused, not stored.
 */
export function ibanKey(raw: string): KeyResult {
  const compact = electronicFormatIBAN(raw.normalize('NFKC').replace(/[\s\p{Pd}.]/gu, '')) ?? '';
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) {
    return refuse(`IBAN '${raw}' must be a country code, two check digits and the account (letters and digits), e.g. DE89 3704 0044 0532 0130 00`);
  }
  if (!isValidIBAN(compact)) return refuse(`IBAN '${raw}' is not a valid IBAN: its length, format or check digits (mod 97) do not fit`);
  return ok(compact);
}
