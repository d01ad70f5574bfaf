import fc from 'fast-check';
import { ErrorCode, Problems } from '../../src/shared/domain-error';
import { DomainError } from '../../src/shared/domain-error';
import {
  identifierKey,
  maxLengthOf,
  parseScheme,
  PARTY_IDENTIFIER_LONG_MAX_LENGTH,
  PARTY_IDENTIFIER_MAX_LENGTH,
  validatePartyIdentifier,
} from '../../src/modules/supplier/party-identifiers';
import { IdentifierScheme as S } from '../../src/modules/supplier/supplier.enums';

const keyOf = (scheme: S, raw: string) => {
  const result = identifierKey(scheme, raw, null);
  return result.ok ? result.key : `refused: ${result.message}`;
};

describe('parseScheme', () => {
  it.each([
    ['VAT', S.VAT], ['vat', S.VAT], [' Vat ', S.VAT], ['company_reg', S.COMPANY_REG], ['Company-Reg', S.COMPANY_REG],
    ['company reg', S.COMPANY_REG], ['phone', S.PHONE], ['Email', S.EMAIL], ['WEBSITE', S.WEBSITE],
    ['social_handle', S.SOCIAL_HANDLE], ['other', S.OTHER],
  ])('%j is %s', (raw, scheme) => {
    expect(parseScheme(raw)).toBe(scheme);
  });

  it.each([['iban', S.IBAN], ['Crypto-Wallet', S.CRYPTO_WALLET], ['hawala code', S.HAWALA_CODE]])('%j is %s', (raw, scheme) => {
    expect(parseScheme(raw)).toBe(scheme);
  });

  it.each(['', 'TAX', 'URL', 'e-mail', 'VAT NUMBER', 'web'])('%j is not a scheme of a party', (raw) => {
    expect(parseScheme(raw)).toBeNull();
  });
});

describe('VAT', () => {
  it.each([
    ['DE123456789', 'DE123456789'],
    ['de 123 456 789', 'DE123456789'],
    ['DE-123.456.789', 'DE123456789'],
    ['  fr 40 303 265 045 ', 'FR40303265045'],
    ['FRXX999999999', 'FRXX999999999'],
    ['EL123456789', 'EL123456789'],
    ['GR 123456789', 'EL123456789'], // Greece is EL in VIES; the ISO code keys the same
    ['XI 123 4567 89', 'XI123456789'],
    ['GB 123 4567 89', 'GB123456789'],
    ['UK123456789', 'GB123456789'],
    ['GBGD001', 'GBGD001'],
    ['IE1234567WA', 'IE1234567WA'],
    ['ESX1234567X', 'ESX1234567X'],
    ['NL8532.41.907.B01', 'NL853241907B01'],
    ['BG\u00A0204\u2013817\u2013339', 'BG204817339'], // no-break space, en dashes
    ['TR1234567890', 'TR1234567890'],
    ['EU372000041', 'EU372000041'],
    ['ＤＥ１２３４５６７８９', 'DE123456789'], // full-width
    ['AT12', 'AT12'], // the shortest: 2 after the prefix
    ['CY1234567890123', 'CY1234567890123'], // the longest: 13 after the prefix
  ])('%j -> %j', (raw, key) => {
    expect(keyOf(S.VAT, raw)).toBe(key);
  });

  it.each([
    ['123456789', 'two-letter country prefix'],
    ['1E123456789', 'two-letter country prefix'],
    ['ZZ123456789', "'ZZ', which is not a country prefix"],
    ['QQ123456789', 'not a country prefix'],
    ['DE1', 'got 1'],
    ['DE12345678901234', 'got 14'],
    ['DE/123456789', 'only letters and digits'],
    ['DE_123456789', 'only letters and digits'],
    ['DE 123 456 789 (old)', 'only letters and digits'],
    ['FRANCE', 'no number'],
    ['DEABCDEFGH', 'no number'],
    ['', 'two-letter country prefix'],
  ])('refuses %j (%s)', (raw, message) => {
    expect(keyOf(S.VAT, raw)).toMatch(/^refused: /);
    expect(keyOf(S.VAT, raw)).toContain(message);
  });
});

describe('PHONE', () => {
  const phoneIn = (region: string | null, raw: string) => {
    const result = identifierKey(S.PHONE, raw, region);
    return result.ok ? result.key : `refused: ${result.message}`;
  };

  it.each([
    ['+90 212 555 0147', '+902125550147'],
    ['0090 212 555 0147', '+902125550147'],
    ['+90 (212) 555-01-47', '+902125550147'],
    ['00 90 212 555 01 47', '+902125550147'],
    ['(+90) 212 091 71 45', '+902120917145'], // the country code in parentheses
    ['+49 (0)203 123456', '+49203123456'], // national trunk zero dropped
    ['+44 (0) 20 7946 0000', '+442079460000'],
    ['+32(0)59255171', '+3259255171'],
    ['+33.1.23.45.67.89', '+33123456789'],
    ['+359/2/987 6543', '+35929876543'],
    ['tel:+31-20-555-0100', '+31205550100'],
    ['\uFF0B90 212 555 0147', '+902125550147'], // full-width plus
    ['+1 202 555 0143', '+12025550143'],
    ['+39 06 6988 0000', '+390669880000'], // Italy keeps its leading 0
    ['+44 7700 900123', '+447700900123'], // a reserved (drama) range: possible, not assigned
  ])('international %j -> %j, whatever the record\'s country', (raw, key) => {
    expect(phoneIn(null, raw)).toBe(key);
    expect(phoneIn('FR', raw)).toBe(key);
  });

  it.each([
    ['DE', '0203-834-7017', '+492038347017'],
    ['FR', '01.99.00.33.07', '+33199003307'],
    ['BE', '059-25-51-71', '+3259255171'],
    ['BE', '01 99 00 95 49', '+32199009549'],
    ['NL', '06/3773 5643', '+31637735643'],
    ['IQ', '0781 453 8401', '+9647814538401'],
    ['TR', '0212 091 71 45', '+902120917145'],
    ['GB', '020-7946-0049', '+442079460049'],
    ['GB', '07700 900123', '+447700900123'],
    ['NL', '31 6 1077 2837', '+31610772837'], // the region's own country code at international length
    ['NL', '0031610772837', '+31610772837'],
  ])('national form in %s: %j -> %j', (region, raw, key) => {
    expect(phoneIn(region, raw)).toBe(key);
  });

  it('reads the same national digits as different numbers in different countries', () => {
    expect(phoneIn('BE', '06 39 98 42 88')).not.toBe(phoneIn('FR', '06 39 98 42 88'));
    expect(phoneIn('FR', '06 39 98 42 88')).toBe('+33639984288');
  });

  it.each([
    [null, '0212 555 0147', 'no country code and its record no country'],
    ['NL', '+332037531133', 'cannot be a number of the country its code names'],
    ['FR', '+0 212 555 0147', 'cannot be a number'],
    ['DE', '12', 'cannot be a number of DE'],
    ['GB', '+90 212 555 0147 ext. 12', 'only digits'],
    ['US', '+1 800 FLOWERS', 'only digits'],
    ['TR', '+90 212+555', 'not at the start'],
    ['TR', '+', 'cannot be a number'],
    ['TR', 'call me', 'only digits'],
  ])('in %s refuses %j (%s)', (region, raw, message) => {
    expect(phoneIn(region, raw)).toMatch(/^refused: /);
    expect(phoneIn(region, raw)).toContain(message);
  });
});

describe('EMAIL', () => {
  it.each([
    ['Verkauf@Wellenreiter-Outdoor.example', 'verkauf@wellenreiter-outdoor.example'],
    [' sales@anvora.com.tr ', 'sales@anvora.com.tr'],
    ['mailto:Info@Anvora.example', 'info@anvora.example'],
    ['first.last+tag@sub.example.org', 'first.last+tag@sub.example.org'],
    ['satis@anvora.example.', 'satis@anvora.example'],
    ['info@münchen-boote.de', 'info@xn--mnchen-boote-dlb.de'],
  ])('%j -> %j', (raw, key) => {
    expect(keyOf(S.EMAIL, raw)).toBe(key);
  });

  it.each([
    ['anvora.example', 'exactly one @, got 0'],
    ['a@b@anvora.example', 'exactly one @, got 2'],
    ['@anvora.example', 'nothing before the @'],
    ['sales@', 'no host name'],
    ['sales@anvora', 'domain with a dot'],
    ['sales@anvora..example', 'empty part'],
    ['sales@-anvora.example', 'cannot hold'],
    ['sales@anvora.123', 'not a top-level domain'],
    ['sa les@anvora.example', 'before the @'],
    ['sales@anvora example.com', 'cannot hold'],
  ])('refuses %j (%s)', (raw, message) => {
    expect(keyOf(S.EMAIL, raw)).toMatch(/^refused: /);
    expect(keyOf(S.EMAIL, raw)).toContain(message);
  });
});

describe('WEBSITE', () => {
  it.each([
    ['https://www.anvora-tekstil.example/', 'anvora-tekstil.example'],
    ['HTTP://WWW.Anvora-Tekstil.example:8443/tr/urunler?x=1#top', 'anvora-tekstil.example'],
    ['anvora.example', 'anvora.example'],
    ['www.anvora.example/shop', 'anvora.example'],
    ['shop.anvora.example/kategori/can-yelegi', 'shop.anvora.example'],
    ['//cdn.anvora.example/x', 'cdn.anvora.example'],
    ['https://user:secret@anvora.example/', 'anvora.example'],
    ['anvora.example.', 'anvora.example'],
    ['münchen-boote.de', 'xn--mnchen-boote-dlb.de'],
    ['xn--mnchen-boote-dlb.de', 'xn--mnchen-boote-dlb.de'],
    ['http://203.0.113.5/shop', '203.0.113.5'],
    ['www.com', 'www.com'], // nothing would be left of the host without www
  ])('%j -> %j', (raw, key) => {
    expect(keyOf(S.WEBSITE, raw)).toBe(key);
  });

  it.each([
    ['anvora', 'domain with a dot'],
    ['https://localhost:8080/', 'domain with a dot'],
    ['anvora example.com', 'must not contain spaces'],
    ['https:///path', 'no host name'],
    ['anvora..example', 'empty part'],
    ['anvora.example_shop.com', 'cannot hold'],
    ['anvora.42', 'not a top-level domain'],
  ])('refuses %j (%s)', (raw, message) => {
    expect(keyOf(S.WEBSITE, raw)).toMatch(/^refused: /);
    expect(keyOf(S.WEBSITE, raw)).toContain(message);
  });
});

describe('SOCIAL_HANDLE', () => {
  it.each([
    ['telegram:@Anvora_Shop', 'telegram:anvora_shop'],
    ['Telegram: @Anvora_Shop', 'telegram:anvora_shop'],
    ['telegram:anvora_shop', 'telegram:anvora_shop'],
    ['tg:anvora_shop', 'telegram:anvora_shop'],
    ['https://t.me/anvora_shop', 'telegram:anvora_shop'],
    ['facebook:Anvora.Tekstil', 'facebook:anvora.tekstil'],
    ['fb:anvora.tekstil', 'facebook:anvora.tekstil'],
    ['https://www.facebook.com/Anvora.Tekstil/', 'facebook:anvora.tekstil'],
    ['twitter:@anvora', 'x:anvora'],
    ['x:@@anvora', 'x:anvora'],
    ['instagram.com/anvora.boats', 'instagram:anvora.boats'],
    ['https://www.linkedin.com/company/anvora-tekstil', 'linkedin:anvora-tekstil'],
    ['tiktok:@anvora-deals', 'tiktok:anvora-deals'],
    ['whatsapp:+905551234567', 'whatsapp:+905551234567'],
    ['signal:anvora', 'signal:anvora'],
  ])('%j -> %j', (raw, key) => {
    expect(keyOf(S.SOCIAL_HANDLE, raw)).toBe(key);
  });

  it.each([
    ['@anvora', 'needs its platform'],
    ['anvora_shop', 'needs its platform'],
    [':anvora', 'needs its platform'],
    ['https://shop.anvora.example/x', 'needs its platform'],
    ['telegram:', 'no handle'],
    ['telegram:@', 'no handle'],
    ['telegram:anvora shop', 'spaces or punctuation'],
    ['telegram:anvora/shop', 'spaces or punctuation'],
    ['tele gram:anvora', 'not a name'],
  ])('refuses %j (%s)', (raw, message) => {
    expect(keyOf(S.SOCIAL_HANDLE, raw)).toMatch(/^refused: /);
    expect(keyOf(S.SOCIAL_HANDLE, raw)).toContain(message);
  });
});

describe('COMPANY_REG and OTHER', () => {
  it.each([
    [S.COMPANY_REG, 'HRB 12345', 'HRB12345'],
    [S.COMPANY_REG, 'hrb-12345 (Amtsgericht Duisburg)', 'HRB12345AMTSGERICHTDUISBURG'],
    [S.COMPANY_REG, 'İstanbul 123456-5', 'İSTANBUL1234565'],
    [S.COMPANY_REG, '12.345.678/0001', '123456780001'],
    [S.OTHER, ' eori: de-1234 ', 'EORIDE1234'],
    [S.OTHER, 'Lot/Ref 77_b', 'LOTREF77B'],
  ])('%s %j -> %j', (scheme, raw, key) => {
    expect(keyOf(scheme, raw)).toBe(key);
  });

  it.each([S.COMPANY_REG, S.OTHER])('%s refuses a value without letters or digits', (scheme) => {
    expect(keyOf(scheme, '-- / --')).toContain('no letters or digits');
  });
});

describe('validatePartyIdentifier', () => {
  const path = ['input', 'identifiers', '3'];
  const validate = (scheme: string, value: string) => {
    const problems = new Problems();
    const draft = validatePartyIdentifier({ scheme, value }, path, problems, null);
    let refused: DomainError | undefined;
    try {
      problems.throwIfAny();
    } catch (error) {
      refused = error as DomainError;
    }
    return { draft, problems: refused?.problems ?? [] };
  };

  it('keeps the value as written (trimmed) beside its key', () => {
    expect(validate('vat', '  de 123 456 789 ')).toEqual({
      draft: { scheme: S.VAT, value: 'de 123 456 789', valueKey: 'DE123456789' },
      problems: [],
    });
  });

  it('refuses an unknown scheme on its scheme field, naming the known ones', () => {
    const { draft, problems } = validate('BIC', 'DEUTDEFF');
    expect(draft).toBeNull();
    expect(problems).toEqual([{
      code: ErrorCode.INVALID_INPUT, field: [...path, 'scheme'],
      message: expect.stringContaining('VAT, COMPANY_REG, PHONE, EMAIL, WEBSITE, SOCIAL_HANDLE, IBAN, CRYPTO_WALLET, HAWALA_CODE, OTHER'),
    }]);
  });

  it('refuses URL on a party, pointing to WEBSITE', () => {
    expect(validate('URL', 'https://anvora.example/shop').problems).toEqual([
      { code: ErrorCode.INVALID_INPUT, field: [...path, 'scheme'], message: expect.stringContaining("a party's site is a WEBSITE") },
    ]);
  });

  it('refuses a malformed value as INVALID_IDENTIFIER on its value field', () => {
    expect(validate('PHONE', '0212 555 0147').problems).toEqual([
      { code: ErrorCode.INVALID_IDENTIFIER, field: [...path, 'value'], message: expect.stringContaining('no country code') },
    ]);
  });

  it('refuses an empty value as INVALID_INPUT', () => {
    expect(validate('EMAIL', '   ').problems).toEqual([{ code: ErrorCode.INVALID_INPUT, field: [...path, 'value'], message: 'EMAIL value must not be empty' }]);
  });

  it('limits values to 64 characters; websites, e-mail addresses and wallets to 200; URLs to 2048', () => {
    expect(PARTY_IDENTIFIER_MAX_LENGTH).toBe(64);
    expect(PARTY_IDENTIFIER_LONG_MAX_LENGTH).toBe(200);
    expect([S.VAT, S.COMPANY_REG, S.PHONE, S.SOCIAL_HANDLE, S.IBAN, S.HAWALA_CODE, S.OTHER].map(maxLengthOf)).toEqual([64, 64, 64, 64, 64, 64, 64]);
    expect([S.WEBSITE, S.EMAIL, S.CRYPTO_WALLET, S.URL].map(maxLengthOf)).toEqual([200, 200, 200, 2048]);
    expect(validate('OTHER', 'X'.repeat(64)).problems).toEqual([]);
    expect(validate('OTHER', 'X'.repeat(65)).problems).toEqual([
      { code: ErrorCode.INVALID_INPUT, field: [...path, 'value'], message: 'OTHER value must be at most 64 characters, got 65' },
    ]);
    const longUrl = `https://anvora.example/${'p'.repeat(170)}`;
    expect(validate('WEBSITE', longUrl).draft?.valueKey).toBe('anvora.example');
    expect(validate('WEBSITE', `${longUrl}${'p'.repeat(30)}`).problems[0]).toMatchObject({ code: ErrorCode.INVALID_INPUT, field: [...path, 'value'] });
  });
});

describe('properties', () => {
  const schemes = Object.values(S);
  const anyValue = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: fc.constantFrom(...'+0123456789 ()-./@:abcDEF_xyzüİış'), maxLength: 30 }),
  );

  it('normalisation is idempotent: a key is its own key', () => {
    fc.assert(
      fc.property(fc.constantFrom(...schemes), anyValue, (scheme, raw) => {
        const first = identifierKey(scheme, raw, 'TR');
        if (first.ok) expect(identifierKey(scheme, first.key, 'TR')).toEqual(first);
      }),
      { numRuns: 3000 },
    );
  });

  it('keys valid samples of every scheme to themselves', () => {
    const samples: Array<[S, string]> = [
      [S.VAT, 'DE 123 456 789'], [S.PHONE, '0090 (212) 555 01 47'], [S.EMAIL, 'Sales@Anvora.Example'],
      [S.WEBSITE, 'https://www.anvora.example/x'], [S.SOCIAL_HANDLE, 'Telegram:@Anvora'], [S.COMPANY_REG, 'hrb 1'], [S.OTHER, 'a-1'],
      [S.IBAN, 'gb82 west 1234 5698 7654 32'], [S.CRYPTO_WALLET, 'ETH:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'], [S.HAWALA_CODE, 'ts-48469-c'],
      [S.URL, 'https://www.anvora.example/shop/?utm_source=x'],
    ];
    for (const [scheme, raw] of samples) {
      const first = identifierKey(scheme, raw, null);
      expect(first.ok).toBe(true);
      if (first.ok) expect(identifierKey(scheme, first.key, null)).toEqual(first);
    }
  });

  const prefix = fc.constantFrom('DE', 'FR', 'EL', 'XI', 'GB', 'NL', 'BG', 'TR', 'IE', 'ES');
  const body = fc.array(fc.constantFrom(...'0123456789ABCXYZ'), { minLength: 2, maxLength: 13 })
    .filter((chars) => chars.filter((c) => /\d/.test(c)).length >= 2);
  const separator = fc.constantFrom('', ' ', '.', '-', ' - ', '\u00A0', '\u2013', '  ');

  it('VAT ignores case and spaces, dots and hyphens anywhere', () => {
    fc.assert(
      fc.property(prefix, body, fc.array(separator, { minLength: 16, maxLength: 16 }), fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }), (p, chars, seps, lower) => {
        const plain = p + chars.join('');
        const written = [...plain].map((c, i) => (lower[i] ? c.toLowerCase() : c) + seps[i]).join('');
        const expected = identifierKey(S.VAT, plain, null);
        expect(expected).toEqual({ ok: true, key: plain });
        expect(identifierKey(S.VAT, ` ${written} `, null)).toEqual(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('PHONE: 00 means +, and separators do not matter', () => {
    const numbers = ['+902125550147', '+442079460049', '+4915112345678', '+9647814538401', '+33639984288', '+3259255171', '+31610772837', '+12025550143'];
    fc.assert(
      fc.property(fc.constantFrom(...numbers), fc.array(separator, { minLength: 15, maxLength: 15 }), fc.constantFrom(null, 'FR', 'IQ'), (number, seps, region) => {
        const digits = number.slice(1);
        const spaced = [...digits].map((d, i) => d + seps[i].replace('.', ' ')).join('');
        expect(identifierKey(S.PHONE, `+${spaced}`, region)).toEqual({ ok: true, key: number });
        expect(identifierKey(S.PHONE, `00${spaced}`, region)).toEqual({ ok: true, key: number });
      }),
    );
  });

  it('EMAIL and WEBSITE ignore case', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/).filter((d) => !/^..--/.test(d)), (local, domain) => {
        // (labels like "xn--…" are reserved for punycode: an invalid one is rightly refused)
        const address = `${local}@${domain}.example`;
        expect(identifierKey(S.EMAIL, address.toUpperCase(), null)).toEqual(identifierKey(S.EMAIL, address, null));
        expect(identifierKey(S.WEBSITE, `HTTPS://WWW.${domain.toUpperCase()}.EXAMPLE/`, null)).toEqual({ ok: true, key: `${domain}.example` });
      }),
    );
  });
});
