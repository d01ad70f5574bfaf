import fc from 'fast-check';
import { hasWildcards, IDENTIFIER_MAX_LENGTH, normaliseIdentifier } from '../../src/modules/item/identifier';

describe('normaliseIdentifier', () => {
  it.each([
    ['6G5-1234567', '6G51234567'],
    ['6g5 1234567', '6G51234567'],
    ['6G51234567', '6G51234567'],
    ['  6G5-1234567  ', '6G51234567'],
    ['6G5\t1234567\n', '6G51234567'],
    ['6G5\u00A01234567', '6G51234567'], // no-break space
    ['6G5\u20131234567', '6G51234567'], // en dash
    ['6G5\u20141234567', '6G51234567'], // em dash
    ['6G5\u20101234567', '6G51234567'], // hyphen
    ['6G5\u22121234567', '6G51234567'], // minus sign
    ['6G5\u00AD1234567', '6G51234567'], // soft hyphen
    ['6G5\u200B1234567', '6G51234567'], // zero-width space
    ['\uFF16\uFF27\uFF15\uFF0D\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17', '6G51234567'], // full-width
    ['0t123456', '0T123456'],
    ['12345-678901', '12345678901'],
    ['lot 2024/07.b', 'LOT202407B'],
    ['ab_cd\\ef', 'ABCDEF'],
    ['#A(1)+B,2:', 'A1B2'], // other punctuation is dropped as well
    ['ı-i', 'II'], // Turkish dotless and dotted i
    ['straße', 'STRASSE'],
    ['6G5-12?4567', '6G512?4567'],
    ['6G5-12??567', '6G512??567'],
    ['6G5-12*', '6G512*'],
    ['6G5-**-1234', '6G5*1234'],
    ['6G5*-*1234', '6G5*1234'],
    ['6G5\uFF1F1234\uFF0A', '6G5?1234*'], // full-width ? and *
    ['', ''],
    ['   ', ''],
    ['-./_', ''],
  ])('%j -> %j', (raw, expected) => {
    expect(normaliseIdentifier(raw)).toBe(expected);
  });

  it('gives one key for the examples in the contract', () => {
    const keys = ['6G5-1234567', '6g5 1234567', '6G51234567'].map(normaliseIdentifier);
    expect(new Set(keys).size).toBe(1);
  });

  it('keeps a confusable variant distinct (that is fuzzy evidence, not an exact match)', () => {
    expect(normaliseIdentifier('6G5-I234567')).not.toBe(normaliseIdentifier('6G5-1234567'));
  });
});

describe('hasWildcards', () => {
  it.each([
    ['6G51234567', false],
    ['6G5?234567', true],
    ['6G5*', true],
    ['', false],
  ])('%j -> %j', (s, expected) => {
    expect(hasWildcards(s)).toBe(expected);
  });
});

it('limits identifiers to 64 characters', () => {
  expect(IDENTIFIER_MAX_LENGTH).toBe(64);
});

describe('normaliseIdentifier properties', () => {
  const idChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789?*');
  const separator = fc.constantFrom('', ' ', '  ', '-', '.', '/', '_', '\t', '\u2013', '\u00A0', ' - ');
  const idString = fc.string({ unit: idChar, maxLength: 30 });

  it('is idempotent on any string', () => {
    for (const unit of ['binary', 'grapheme', 'grapheme-composite'] as const) {
      fc.assert(fc.property(fc.string({ unit }), (s) => {
        const once = normaliseIdentifier(s);
        expect(normaliseIdentifier(once)).toBe(once);
      }), { numRuns: 500 });
    }
  });

  it('keeps only letters, digits and wildcards, with no run of *', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => {
      const n = normaliseIdentifier(s);
      expect(n).toMatch(/^[\p{L}\p{N}?*]*$/u);
      expect(n).not.toContain('**');
    }));
  });

  it('ignores case', () => {
    fc.assert(fc.property(idString, (s) => {
      const n = normaliseIdentifier(s);
      expect(normaliseIdentifier(s.toLowerCase())).toBe(n);
      expect(normaliseIdentifier(s.toUpperCase())).toBe(n);
    }));
  });

  it('ignores separators inserted anywhere', () => {
    fc.assert(fc.property(fc.array(fc.tuple(idChar, separator), { maxLength: 30 }), separator, (pairs, lead) => {
      const plain = pairs.map(([c]) => c).join('');
      const written = lead + pairs.map(([c, sep]) => c + sep).join('');
      expect(normaliseIdentifier(written)).toBe(normaliseIdentifier(plain));
    }));
  });
});
