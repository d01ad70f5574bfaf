import { bech32 } from 'bech32';
import { identifierKey } from '../../src/modules/supplier/party-identifiers';
import { IdentifierScheme as S } from '../../src/modules/supplier/supplier.enums';
import { base58Address, eip55, iban, segwit, transposed } from '../factories/identifier-values';

const keyOf = (scheme: S, raw: string) => {
  const result = identifierKey(scheme, raw, null);
  return result.ok ? result.key : `refused: ${result.message}`;
};

describe('IBAN', () => {
  const german = iban('DE', '370400440532013000');
  const iraqi = iban('IQ', 'NBIQ850123456789012');

  it.each([
    [german, german],
    [german.toLowerCase(), german],
    [german.replace(/(.{4})/g, '$1 '), german], // print form, groups of four
    [`\t${german.slice(0, 6)}  ${german.slice(6)} `, german], // irregular white space
    [iraqi, iraqi],
  ])('%j -> %j', (raw, key) => {
    expect(keyOf(S.IBAN, raw)).toBe(key);
  });

  it.each([
    [transposed(german), 'check digits'], // two adjacent digits swapped
    [`${german.slice(0, -1)}${(Number(german.slice(-1)) + 1) % 10}`, 'check digits'],
    [german.slice(0, -1), 'length'], // one digit short for Germany
    ['XX00 1234 5678', 'not a valid IBAN'],
    ['12 3456 7890', 'country code, two check digits'],
  ])('refuses %j (%s)', (raw, message) => {
    expect(keyOf(S.IBAN, raw)).toMatch(/^refused: /);
    expect(keyOf(S.IBAN, raw)).toContain(message);
  });
});

describe('CRYPTO_WALLET', () => {
  const legacy = base58Address(0x00, 11);
  const script = base58Address(0x05, 42);
  const tron = base58Address(0x41, 99);
  const v0 = segwit(0, 20, 5);
  const taproot = segwit(1, 32, 77);
  const hex = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

  it.each([
    [`btc:${legacy}`, `btc:${legacy}`],
    [` BTC : ${script} `, `btc:${script}`], // chain case and white space; base58 unchanged
    [`bitcoin:${v0}`, `btc:${v0}`],
    [`btc:${v0.toUpperCase()}`, `btc:${v0}`], // bech32 in upper case (QR codes) is the same address
    [`btc:${taproot}`, `btc:${taproot}`],
    [`eth:${eip55(hex)}`, `eth:0x${hex}`], // EIP-55 case
    [`ETH:0x${hex.toUpperCase()}`, `eth:0x${hex}`], // one case: nothing to check
    [`trx:${tron}`, `trx:${tron}`],
    ['xmr:44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A', 'xmr:44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A'],
  ])('%j -> %j', (raw, key) => {
    expect(keyOf(S.CRYPTO_WALLET, raw)).toBe(key);
  });

  const flipCase = (text: string, at: number) => text.slice(0, at) + (text[at] === text[at].toUpperCase() ? text[at].toLowerCase() : text[at].toUpperCase()) + text.slice(at + 1);
  const letterAt = (text: string) => [...text].findIndex((c, i) => i > 1 && /[a-zA-Z]/.test(c) && c.toLowerCase() !== c.toUpperCase() && !'lIoO0'.includes(c));

  it.each([
    [`btc:${flipCase(legacy, letterAt(legacy))}`, 'base58check'], // base58 is case-sensitive
    [`btc:${legacy.slice(0, -1)}${legacy.endsWith('z') ? 'y' : 'z'}`, 'base58check'],
    [`btc:${v0.slice(0, 10)}${v0.slice(10).toUpperCase()}`, 'mixes upper and lower case'],
    [`btc:${v0.slice(0, -1)}${v0.endsWith('q') ? 'p' : 'q'}`, 'bech32 checksum'],
    [`btc:${bech32.encode('bc', [1, ...bech32.toWords(Array(32).fill(7))])}`, 'bech32 checksum'], // version 1 needs bech32m
    [`eth:${flipCase(eip55(hex), 2)}`, 'EIP-55'], // 'a', the first letter
    ['eth:0x1234', '40 hexadecimal digits'],
    [`trx:${legacy}`, 'not a Tron address'],
    [legacy, 'needs its chain'],
    ['btc:bc1q-not-an-address', 'letters and digits'],
  ])('refuses %j (%s)', (raw, message) => {
    expect(keyOf(S.CRYPTO_WALLET, raw)).toMatch(/^refused: /);
    expect(keyOf(S.CRYPTO_WALLET, raw)).toContain(message);
  });
});

describe('HAWALA_CODE', () => {
  it.each([
    ['TS-48469-C', 'TS48469C'],
    ['ts 48469 c', 'TS48469C'],
    [' 4332/4802 ', '43324802'],
  ])('%j -> %j', (raw, key) => {
    expect(keyOf(S.HAWALA_CODE, raw)).toBe(key);
  });

  it('keeps O and 0, I and 1 apart: codes compare exactly', () => {
    expect(keyOf(S.HAWALA_CODE, '882-92I-963')).not.toBe(keyOf(S.HAWALA_CODE, '882-921-963'));
    expect(keyOf(S.HAWALA_CODE, 'KO-10')).not.toBe(keyOf(S.HAWALA_CODE, 'K0-10'));
  });

  it('refuses a code without letters or digits', () => {
    expect(keyOf(S.HAWALA_CODE, '-- / --')).toContain('no letters or digits');
  });
});

describe('URL (canonical form)', () => {
  it.each([
    ['https://www.instagram.com/baltica_sea_sports/', 'instagram.com/baltica_sea_sports'],
    ['http://www.instagram.com/baltica_sea_sports/#', 'instagram.com/baltica_sea_sports'],
    ['https://m.facebook.com/marketplace/item/4856837330601620/', 'facebook.com/marketplace/item/4856837330601620'],
    ['http://www.video.example/watch?v=LnWtKrJs&utm_campaign=boats&fbclid=x1#section-2', 'video.example/watch?v=LnWtKrJs'],
    ['https://shop.example/item/?id=7&gclid=abc&igsh=1&mibextid=2&igshid=3&utm_source=tt', 'shop.example/item?id=7'],
    ['HTTPS://Shop.Example/Boote/Schlauchboot-470?Farbe=Grau', 'shop.example/Boote/Schlauchboot-470?Farbe=Grau'], // path and query as written
    ['https://bücher.example/angebot', 'xn--bcher-kva.example/angebot'],
    ['t.me/portavia_boats/6685', 't.me/portavia_boats/6685'],
  ])('%j -> %j', (raw, key) => {
    expect(keyOf(S.URL, raw)).toBe(key);
  });

  it('keeps other pages of the same site apart', () => {
    expect(keyOf(S.URL, 'https://t.me/portavia_boats/6685/')).not.toBe(keyOf(S.URL, 'https://t.me/portavia_boats/6684'));
  });

  it.each([
    ['ftp://files.example/a', 'http or https'],
    ['https://localhost/a', 'host with a domain'],
    ['..', 'host with a domain'],
    ['https://shop..example/a', 'host with a domain'],
    ['https://shop example/a', 'spaces'],
  ])('refuses %j (%s)', (raw, message) => {
    expect(keyOf(S.URL, raw)).toContain(message);
  });
});
