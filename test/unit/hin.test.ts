import fc from 'fast-check';
import { formatHin, HinPart, parseHin, ParsedHin } from '../../src/modules/item/hin';
import { normaliseIdentifier } from '../../src/modules/item/identifier';
import { ISO_COUNTRY_CODES, isCountryCode } from '../../src/shared/iso-countries';

// Manufacturer codes here are invented (ZZX, QQZ, X9X, ...).

describe('parseHin: valid', () => {
  it.each<[string, Partial<ParsedHin>]>([
    ['FR-ZZX12345-D4-24', { normalised: 'FRZZX12345D424', form: 'EU', country: 'FR', manufacturerCode: 'ZZX', serial: '12345', productionMonth: 4, productionYearDigit: 4, modelYear: 24 }],
    ['frzzx12345d424', { normalised: 'FRZZX12345D424', form: 'EU', country: 'FR' }],
    ['FR ZZX 12345 D4 24', { normalised: 'FRZZX12345D424' }],
    ['TR.QQZ00042.C3.23', { country: 'TR', manufacturerCode: 'QQZ', serial: '00042', productionMonth: 3, productionYearDigit: 3, modelYear: 23 }],
    ['TR/QQZ00042/C3/24', { country: 'TR', modelYear: 24 }], // model year = production year + 1
    ['GB-X9XA8B7C-L9-00', { country: 'GB', manufacturerCode: 'X9X', serial: 'A8B7C', productionMonth: 12, productionYearDigit: 9, modelYear: 0 }], // 2019 -> 2020
    ['DE-ZZX1O0I0-A0-20', { country: 'DE', serial: '1O0I0', productionMonth: 1 }], // I and O allowed in EU serials
    ['CN–ZZX54321–B5–25', { country: 'CN', productionMonth: 2 }], // en dashes
    ['\uFF26\uFF32\uFF0D\uFF3A\uFF3A\uFF38\uFF11\uFF12\uFF13\uFF14\uFF15\uFF24\uFF14\uFF12\uFF14', { normalised: 'FRZZX12345D424' }], // full-width
    ['US-ZZX12345-D4-24', { normalised: 'USZZX12345D424', form: 'EU', country: 'US', manufacturerCode: 'ZZX', serial: '12345' }],
    ['US-ZZX1O345-D4-24', { form: 'EU', country: 'US', serial: '1O345' }], // 14 characters: EU layout, no I/O/Q rule
    ['ZZX12345D424', { normalised: 'ZZX12345D424', form: 'US', country: null, manufacturerCode: 'ZZX', serial: '12345', productionMonth: 4, productionYearDigit: 4, modelYear: 24 }],
    ['zzx-12345-d4-25', { form: 'US', modelYear: 25 }],
    ['QQZ A1B2C L8 98', { form: 'US', serial: 'A1B2C', productionMonth: 12, productionYearDigit: 8, modelYear: 98 }],
  ])('%j', (raw, expected) => {
    const r = parseHin(raw);
    expect(r).toMatchObject({ ok: true, hin: expected });
  });
});

describe('parseHin: invalid', () => {
  it.each<[string, HinPart]>([
    ['', 'length'],
    ['ZZX123456', 'length'],
    ['FR-ZZX12345-D4-2', 'length'],
    ['FR-ZZX12345-D4-245', 'length'],
    ['ZZX12345D42', 'length'],
    ['FR-ZZX123?-D4-24', 'characters'],
    ['FR-ZZX12*', 'characters'],
    ['FR#ZZX12345D424', 'characters'],
    ['F1-ZZX12345-D4-24', 'country'],
    ['XK-ZZX12345-D4-24', 'country'],
    ['EL-ZZX12345-D4-24', 'country'],
    ['UK-ZZX12345-D4-24', 'country'],
    ['ZZ-ZZX12345-D4-24', 'country'],
    ['FR-Z#X12345-D4-24', 'manufacturerCode'],
    ['FR-ZZ?12345-D4-24', 'manufacturerCode'],
    ['Z?X12345D424', 'manufacturerCode'],
    ['FR-ZZX1234?-D4-24', 'serial'],
    ['FR-ZZX12É45-D4-24', 'serial'],
    ['FR-ZZX1234\u{1F600}D4-24', 'serial'],
    ['ZZX12O45D424', 'serial'],
    ['ZZX1234ID424', 'serial'],
    ['ZZXQ2345D424', 'serial'],
    ['FR-ZZX12345-M4-24', 'month'],
    ['FR-ZZX12345-44-24', 'month'],
    ['ZZX12345Z424', 'month'],
    ['FR-ZZX12345-DX-24', 'year'],
    ['ZZX12345D?24', 'year'],
    ['FR-ZZX12345-D4-2X', 'modelYear'],
    ['FR-ZZX12345-D4-26', 'modelYear'],
    ['FR-ZZX12345-D4-23', 'modelYear'], // model year before production
    ['FR-ZZX12345-D0-19', 'modelYear'],
    ['ZZX12345D426', 'modelYear'],
  ])('%j is refused for its %s', (raw, part) => {
    const r = parseHin(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.part).toBe(part);
      expect(r.message).toMatch(/^(US )?HIN /);
    }
  });

  it.each([
    ['FR-ZZX12345-M4-24', "HIN month of production must be a letter A-L (A = January), got 'M'"],
    ['ZZX123456', 'HIN must have 14 characters (EU/ISO 10087) or 12 (US), not counting spaces, hyphens, dots and slashes, got 9'],
    ['UK-ZZX12345-D4-24', "HIN country code 'UK' is not an ISO 3166-1 country code (use 'GB')"],
    ['EL-ZZX12345-D4-24', "HIN country code 'EL' is not an ISO 3166-1 country code (use 'GR')"],
    ['ZZX12O45D424', "US HIN serial number may not contain the letters I, O or Q, got '12O45'"],
    ['FR-ZZX12345-D4-26', "HIN model year '26' does not fit year of production '4': the model year must be the production year or the year after"],
    ['FR-ZZX1234\u{1F600}D4-24', "HIN serial number must be 5 letters or digits, got '1234\u{1F600}'"],
  ])('%j explains itself', (raw, message) => {
    expect(parseHin(raw)).toEqual(expect.objectContaining({ ok: false, message }));
  });

  it.each(['FR-ZZX123?-D4-24', 'FR-ZZX1234?-D4-24', 'ZZX1*D424'])('%j: suggests recording an unreadable mark as damaged', (raw) => {
    const r = parseHin(raw);
    expect(!r.ok && r.message).toMatch(/record it as damaged$/);
  });
  it('does not suggest it for a plain typo', () => {
    const r = parseHin('FR-ZZX12345-M4-24');
    expect(!r.ok && r.message).not.toMatch(/damaged/);
  });
});

describe('formatHin', () => {
  it.each([
    ['frzzx12345d424', 'FR-ZZX12345-D4-24'],
    ['ZZX 12345 D4 24', 'ZZX12345-D4-24'],
    ['US-ZZX12345D424', 'US-ZZX12345-D4-24'],
    ['GB X9X A8B7C L9 00', 'GB-X9XA8B7C-L9-00'],
  ])('%j -> %j', (raw, expected) => {
    const r = parseHin(raw);
    if (!r.ok) throw new Error(r.message);
    expect(formatHin(r.hin)).toBe(expected);
  });
});

describe('ISO country codes', () => {
  it('has the 249 assigned codes', () => {
    expect(ISO_COUNTRY_CODES.size).toBe(249);
    for (const c of ISO_COUNTRY_CODES) expect(c).toMatch(/^[A-Z]{2}$/);
  });
  it.each(['FR', 'GB', 'GR', 'DE', 'TR', 'BG', 'BE', 'NL', 'CN', 'US', 'SS', 'BQ', 'CW', 'SX', 'AX', 'EH', 'PS', 'TW', 'AQ', 'BV', 'UM'])('%s is a country code', (c) => {
    expect(isCountryCode(c)).toBe(true);
  });
  it.each(['XK', 'EL', 'UK', 'EU', 'XI', 'AN', 'CS', 'YU', 'ZZ', 'fr', 'F', 'FRA', ''])('%j is not', (c) => {
    expect(isCountryCode(c)).toBe(false);
  });
});

describe('parseHin properties', () => {
  const chars = (alphabet: string, n: number) =>
    fc.string({ unit: fc.constantFrom(...alphabet), minLength: n, maxLength: n });
  const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const US_SERIAL = ALNUM.replace(/[IOQ]/g, '');

  const validHin: fc.Arbitrary<ParsedHin> = fc
    .record({
      country: fc.option(fc.constantFrom(...ISO_COUNTRY_CODES), { nil: null }),
      manufacturerCode: chars(ALNUM, 3),
      euSerial: chars(ALNUM, 5),
      usSerial: chars(US_SERIAL, 5),
      productionMonth: fc.integer({ min: 1, max: 12 }),
      modelYear: fc.integer({ min: 0, max: 99 }),
      yearsBefore: fc.constantFrom(0, 1), // model year = production year or the year after
    })
    .map(({ country, manufacturerCode, euSerial, usSerial, productionMonth, modelYear, yearsBefore }) => {
      const serial = country === null ? usSerial : euSerial;
      const productionYearDigit = (modelYear - yearsBefore + 10) % 10;
      const normalised = (country ?? '') + manufacturerCode + serial +
        'ABCDEFGHIJKL'[productionMonth - 1] + productionYearDigit + String(modelYear).padStart(2, '0');
      return {
        normalised, form: country === null ? 'US' : 'EU', country, manufacturerCode, serial,
        productionMonth, productionYearDigit, modelYear,
      } satisfies ParsedHin;
    });

  // Writes a string the way people do: any case, full-width or not, separators anywhere.
  const scribble = (s: string) =>
    fc.tuple(
      fc.array(fc.tuple(fc.boolean(), fc.boolean(), fc.constantFrom('', '', '', ' ', '-', '.', '/', ' - ', '\u2013', '\u00A0')), { minLength: s.length, maxLength: s.length }),
      fc.constantFrom('', ' ', '  '),
    ).map(([styles, lead]) => lead + [...s].map((c, i) => {
      const [lower, fullWidth, sep] = styles[i];
      let out = lower ? c.toLowerCase() : c;
      if (fullWidth) out = String.fromCharCode(out.charCodeAt(0) + 0xfee0);
      return out + sep;
    }).join(''));

  it('accepts a valid HIN however it is written, with the same normalised form', () => {
    fc.assert(fc.property(
      validHin.chain((hin) => scribble(hin.normalised).map((written) => ({ hin, written }))),
      ({ hin, written }) => {
        const r = parseHin(written);
        expect(r).toEqual({ ok: true, hin });
        expect(normaliseIdentifier(written)).toBe(hin.normalised);
      },
    ), { numRuns: 500 });
  });

  it('round-trips through formatHin', () => {
    fc.assert(fc.property(validHin, (hin) => {
      expect(parseHin(formatHin(hin))).toEqual({ ok: true, hin });
    }), { numRuns: 500 });
  });

  it('refuses a month letter after L', () => {
    fc.assert(fc.property(validHin, fc.constantFrom(...'MNOPQRSTUVWXYZ0123456789'), (hin, month) => {
      const s = hin.normalised;
      const at = s.length - 4;
      const r = parseHin(s.slice(0, at) + month + s.slice(at + 1));
      expect(r).toMatchObject({ ok: false, part: 'month' });
    }));
  });

  it('refuses a model year that is neither the production year nor the next', () => {
    fc.assert(fc.property(validHin, fc.integer({ min: 2, max: 9 }), (hin, gap) => {
      const s = hin.normalised;
      const modelYear = (hin.modelYear - hin.modelYear % 10) + (hin.productionYearDigit + gap) % 10;
      const r = parseHin(s.slice(0, -2) + String(modelYear).padStart(2, '0'));
      expect(r).toMatchObject({ ok: false, part: 'modelYear' });
    }));
  });

  it('never throws, and either parses or names a part', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
      const r = parseHin(s);
      if (r.ok) expect(r.hin.normalised).toMatch(/^[A-Z0-9]{12}([A-Z0-9]{2})?$/);
      else expect(r.message.length).toBeGreaterThan(0);
    }));
  });
});
