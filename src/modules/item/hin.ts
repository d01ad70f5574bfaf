/**
 * Hull identification numbers (HIN; "WIN" in EU law). There is no check digit, so only the
 * structure is validated.
 *
 * Layouts, after removing separators (see stripSeparators) and upper-casing:
 * - 'EU' (EU 2017/1, ISO 10087), 14 characters:
 *   country(2 letters, ISO 3166-1) MIC(3) serial(5) month(A-L) productionYear(1 digit) modelYear(2 digits)
 * - 'US' (33 CFR 181.25), 12 characters, no country: MIC(3) serial(5, no I/O/Q) month year modelYear.
 *
 * A US HIN written with its optional "US-" prefix has exactly the EU layout with country US, so
 * every 14-character HIN is read as form 'EU' (country 'US' in that case), and the US ban on I, O
 * and Q in the serial applies to the 12-character form only. Older US formats (before Aug 1984)
 * are not accepted: record such a mark as damaged.
 */
import { isCountryCode } from '../../shared/iso-countries';
import { stripSeparators } from './identifier';

export type HinForm = 'EU' | 'US';

export interface ParsedHin {
  /** Upper-case, separators removed, as written (a "US-" prefix is kept). Equals normaliseIdentifier(raw). */
  normalised: string;
  form: HinForm;
  /** ISO 3166-1 alpha-2 of the manufacturer; null for the 12-character US form. */
  country: string | null;
  manufacturerCode: string;
  serial: string;
  /** 1-12 (A = January). */
  productionMonth: number;
  /** 0-9: the last digit of the production year. */
  productionYearDigit: number;
  /** Two-digit model year, 0-99. */
  modelYear: number;
}

export type HinPart =
  | 'length' | 'characters' | 'country' | 'manufacturerCode' | 'serial' | 'month' | 'year' | 'modelYear';

export type HinResult =
  | { ok: true; hin: ParsedHin }
  | { ok: false; part: HinPart; message: string };

const EU_LENGTH = 14;
const US_LENGTH = 12;
const MONTHS = 'ABCDEFGHIJKL';

// Codes people write for a country that are not its ISO code.
const COUNTRY_HINTS: Record<string, string> = { UK: 'GB', EL: 'GR' };

export function parseHin(raw: string): HinResult {
  const s = stripSeparators(raw);
  // '?' and '*' are how officers write unreadable characters: point them to markDamaged.
  const hint = /[?*]/.test(s) ? '; if the mark cannot be read in full, record it as damaged' : '';
  const fail = (part: HinPart, message: string): HinResult => ({ ok: false, part, message: message + hint });

  const length = Array.from(s).length;
  if (length !== EU_LENGTH && length !== US_LENGTH) {
    // With the wrong length the parts cannot be told apart, so a character that can never be
    // in a HIN is reported on its own (a '?' usually means a damaged mark, not a typo).
    const bad = s.match(/[^A-Z0-9]/u);
    if (bad) {
      return fail('characters',
        `HIN may contain only letters A-Z and digits 0-9 (spaces, hyphens, dots and slashes are ignored), got '${bad[0]}'`);
    }
    return fail('length',
      `HIN must have 14 characters (EU/ISO 10087) or 12 (US), not counting spaces, hyphens, dots and slashes, got ${length}`);
  }

  // Slice by code point so that an odd character (e.g. an emoji) is quoted whole in a message.
  const form: HinForm = length === EU_LENGTH ? 'EU' : 'US';
  const cs = Array.from(s);
  const rest = form === 'EU' ? cs.slice(2) : cs;
  const part = (from: number, to: number) => rest.slice(from, to).join('');
  const country = form === 'EU' ? cs.slice(0, 2).join('') : null;
  const mic = part(0, 3);
  const serial = part(3, 8);
  const month = part(8, 9);
  const year = part(9, 10);
  const modelYear = part(10, 12);

  if (country !== null) {
    if (!/^[A-Z]{2}$/.test(country)) {
      return fail('country', `HIN must start with the manufacturer's two-letter country code (ISO 3166-1), got '${country}'`);
    }
    if (!isCountryCode(country)) {
      const iso = COUNTRY_HINTS[country];
      return fail('country', `HIN country code '${country}' is not an ISO 3166-1 country code` +
        (iso ? ` (use '${iso}')` : ''));
    }
  }
  if (!/^[A-Z0-9]{3}$/.test(mic)) {
    return fail('manufacturerCode', `HIN manufacturer code must be 3 letters or digits, got '${mic}'`);
  }
  if (!/^[A-Z0-9]{5}$/.test(serial)) {
    return fail('serial', `HIN serial number must be 5 letters or digits, got '${serial}'`);
  }
  if (form === 'US' && /[IOQ]/.test(serial)) {
    return fail('serial', `US HIN serial number may not contain the letters I, O or Q, got '${serial}'`);
  }
  const monthIndex = MONTHS.indexOf(month);
  if (monthIndex < 0) {
    return fail('month', `HIN month of production must be a letter A-L (A = January), got '${month}'`);
  }
  if (!/^[0-9]$/.test(year)) {
    return fail('year', `HIN year of production must be one digit, got '${year}'`);
  }
  if (!/^[0-9]{2}$/.test(modelYear)) {
    return fail('modelYear', `HIN model year must be two digits, got '${modelYear}'`);
  }
  // Production year has one digit only: compare last digits, allowing the model year to be
  // the year after production (so production 9 fits model year ..0).
  const yearDigit = Number(year);
  const modelYearNum = Number(modelYear);
  if (modelYearNum % 10 !== yearDigit && modelYearNum % 10 !== (yearDigit + 1) % 10) {
    return fail('modelYear',
      `HIN model year '${modelYear}' does not fit year of production '${year}': the model year must be the production year or the year after`);
  }

  return {
    ok: true,
    hin: {
      normalised: s,
      form,
      country,
      manufacturerCode: mic,
      serial,
      productionMonth: monthIndex + 1,
      productionYearDigit: yearDigit,
      modelYear: modelYearNum,
    },
  };
}

/**
 * Canonical display: `FR-ABC12345-D4-24` (EU), `ABC12345-D4-24` (US: the same grouping without
 * a country). parseHin(formatHin(p)) gives p back.
 */
export function formatHin(p: ParsedHin): string {
  const month = MONTHS[p.productionMonth - 1];
  const tail = `${p.manufacturerCode}${p.serial}-${month}${p.productionYearDigit}-${String(p.modelYear).padStart(2, '0')}`;
  return p.country === null ? tail : `${p.country}-${tail}`;
}
