// Identifiers of parties through HTTP: the money schemes (IBAN, CRYPTO_WALLET, HAWALA_CODE),
// URL kept for look-ups, and phone numbers in national form read in the record's country.
// Every company, account and number is invented.
import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { base58Address, eip55, iban, segwit, transposed } from '../factories/identifier-values';
import { createSupplier, supplierInput } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let belgian: TestAgency;
let french: TestAgency;
let analystBE: string;
let analystFR: string;

beforeAll(async () => {
  app = await TestApp.start();
  belgian = await makeAgency(app, { jurisdiction: 'BE' });
  french = await makeAgency(app, { jurisdiction: 'FR' });
  analystBE = await belgian.token([Role.ANALYST], 'analyst.be');
  analystFR = await french.token([Role.ANALYST], 'analyst.fr');
});
afterAll(() => app.stop());

const storedKeys = async (name: string) =>
  (await app.query(
    'SELECT si.scheme, si.value, si.value_key FROM supplier_identifier si JOIN supplier s ON s.id = si.supplier_id WHERE s.name = $1 ORDER BY si.position',
    [name],
  )).map((row: { scheme: string; value: string; value_key: string }) => [row.scheme, row.value, row.value_key]);

const SUPPLIER_IDS_BY_IDENTIFIER = `query ($scheme: String!, $value: String!) {
  suppliers(filter: { identifier: { scheme: $scheme, value: $value } }, first: 10) { nodes { id } }
}`;

async function suppliersHolding(token: string, scheme: string, value: string): Promise<string[]> {
  const res = await app.graphql(token, SUPPLIER_IDS_BY_IDENTIFIER, { scheme, value });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.suppliers.nodes.map((node: { id: string }) => node.id);
}

describe('money identifiers on a supplier', () => {
  const account = iban('DE', '370400440532013000');
  const hex = '5c0ffee00ddba11ab1e5eed0fcafe0bada551e55';
  const legacy = base58Address(0x00, 31);
  const taproot = segwit(1, 32, 3);
  const tron = base58Address(0x41, 8);

  it('stores each as written beside its normalised key, and answers both', async () => {
    const input = supplierInput({
      identifiers: [
        { scheme: 'IBAN', value: account.toLowerCase().replace(/(.{4})/g, '$1 ') },
        { scheme: 'crypto_wallet', value: `ETH:${eip55(hex)}` },
        { scheme: 'CRYPTO_WALLET', value: `Btc:${taproot.toUpperCase()}` },
        { scheme: 'CRYPTO_WALLET', value: `btc:${legacy}` },
        { scheme: 'CRYPTO_WALLET', value: ` trx:${tron} ` },
        { scheme: 'hawala-code', value: 'ts-48469 c' },
      ],
    });
    const payload = await createSupplier(app, analystBE, input);
    expect(payload.userErrors).toEqual([]);
    expect(payload.supplier.identifiers).toEqual([
      { scheme: 'IBAN', value: account.toLowerCase().replace(/(.{4})/g, '$1 ').trim(), normalised: account },
      { scheme: 'CRYPTO_WALLET', value: `ETH:${eip55(hex)}`, normalised: `eth:0x${hex}` },
      { scheme: 'CRYPTO_WALLET', value: `Btc:${taproot.toUpperCase()}`, normalised: `btc:${taproot}` },
      { scheme: 'CRYPTO_WALLET', value: `btc:${legacy}`, normalised: `btc:${legacy}` },
      { scheme: 'CRYPTO_WALLET', value: `trx:${tron}`, normalised: `trx:${tron}` },
      { scheme: 'HAWALA_CODE', value: 'ts-48469 c', normalised: 'TS48469C' },
    ]);
    expect((await storedKeys(input.name)).map(([, , key]) => key)).toEqual([account, `eth:0x${hex}`, `btc:${taproot}`, `btc:${legacy}`, `trx:${tron}`, 'TS48469C']);
  });

  it('finds the supplier by any valid writing of the same identifier', async () => {
    const code = `HX-${Date.now() % 100000}-Q`;
    const input = supplierInput({ identifiers: [{ scheme: 'IBAN', value: iban('NL', 'KSTV0417164300') }, { scheme: 'HAWALA_CODE', value: code }] });
    const payload = await createSupplier(app, analystBE, input);
    expect(payload.userErrors).toEqual([]);
    expect(await suppliersHolding(analystFR, 'IBAN', iban('NL', 'KSTV0417164300').toLowerCase().replace(/(.{4})/g, '$1 '))).toEqual([payload.supplier.id]);
    expect(await suppliersHolding(analystFR, 'HAWALA_CODE', code.toLowerCase().replace(/-/g, ' '))).toEqual([payload.supplier.id]);
  });

  it.each([
    ['an IBAN with two digits transposed', 'IBAN', transposed(account), 'check digits (mod 97)'],
    ['an IBAN one digit short', 'IBAN', account.slice(0, -1), 'length'],
    ['a Bitcoin address with a letter in the other case', 'CRYPTO_WALLET', `btc:${legacy.replace(/[a-km-zA-HJ-NP-Z]/, (c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase()))}`, 'base58check'],
    ['a bech32 address in mixed case', 'CRYPTO_WALLET', `btc:${taproot.slice(0, 8)}${taproot.slice(8).toUpperCase()}`, 'BIP-173'],
    ['an Ethereum address whose case breaks EIP-55', 'CRYPTO_WALLET', `eth:0x${hex.replace('c', 'C')}`, 'EIP-55'],
    ['a wallet without its chain', 'CRYPTO_WALLET', legacy, 'needs its chain'],
    ['a hawala code without letters or digits', 'HAWALA_CODE', '- / -', 'no letters or digits'],
  ])('refuses %s with INVALID_IDENTIFIER on its value, storing nothing', async (_what, scheme, value, message) => {
    const input = supplierInput({ identifiers: [{ scheme: 'EMAIL', value: 'kasse@kestrovan.example' }, { scheme, value }] });
    const payload = await createSupplier(app, analystBE, input);
    expect(payload.supplier).toBeNull();
    expect(payload.userErrors).toEqual([
      { code: 'INVALID_IDENTIFIER', field: ['input', 'identifiers', '1', 'value'], message: expect.stringContaining(message) },
    ]);
    expect(await storedKeys(input.name)).toEqual([]);
    expect((await app.query('SELECT count(*)::int AS n FROM supplier WHERE name = $1', [input.name]))[0].n).toBe(0);
  });

  it('refuses URL on a supplier, pointing to WEBSITE', async () => {
    const payload = await createSupplier(app, analystBE, supplierInput({ identifiers: [{ scheme: 'URL', value: 'https://kestrovan.example/boote' }] }));
    expect(payload.supplier).toBeNull();
    expect(payload.userErrors).toEqual([
      { code: 'INVALID_INPUT', field: ['input', 'identifiers', '0', 'scheme'], message: expect.stringContaining("a party's site is a WEBSITE") },
    ]);
  });
});

describe('phone numbers in national form', () => {
  it("are read in the supplier's country, and stored as E.164", async () => {
    const payload = await createSupplier(app, analystFR, supplierInput({ country: 'DE', identifiers: [{ scheme: 'PHONE', value: '0203-834-7017' }] }));
    expect(payload.userErrors).toEqual([]);
    expect(payload.supplier.identifiers).toEqual([{ scheme: 'PHONE', value: '0203-834-7017', normalised: '+492038347017' }]);
  });

  it("are read in the recording agency's jurisdiction when the supplier has no country", async () => {
    const fromBelgium = await createSupplier(app, analystBE, supplierInput({ country: null, identifiers: [{ scheme: 'PHONE', value: '06 39 98 42 88' }] }));
    const fromFrance = await createSupplier(app, analystFR, supplierInput({ country: null, identifiers: [{ scheme: 'PHONE', value: '06 39 98 42 88' }] }));
    expect(fromBelgium.supplier.identifiers[0].normalised).toBe('+32639984288');
    expect(fromFrance.supplier.identifiers[0].normalised).toBe('+33639984288');
  });

  it('keep international forms as they are, whatever the country', async () => {
    const payload = await createSupplier(app, analystBE, supplierInput({
      country: 'TR',
      identifiers: [{ scheme: 'PHONE', value: '(+964) 781 453 8401' }, { scheme: 'PHONE', value: '0044 (0)20 7946 0049' }],
    }));
    expect(payload.supplier.identifiers.map((i: { normalised: string }) => i.normalised)).toEqual(['+9647814538401', '+442079460049']);
  });

  it("are refused when they cannot be a number of the record's country, naming it", async () => {
    const input = supplierInput({ country: 'DE', identifiers: [{ scheme: 'PHONE', value: '02' }] });
    const payload = await createSupplier(app, analystBE, input);
    expect(payload.supplier).toBeNull();
    expect(payload.userErrors).toEqual([
      { code: 'INVALID_IDENTIFIER', field: ['input', 'identifiers', '0', 'value'], message: expect.stringContaining('cannot be a number of DE') },
    ]);
    expect(await storedKeys(input.name)).toEqual([]);
  });

  it("in a filter are read in the caller's agency's jurisdiction", async () => {
    const payload = await createSupplier(app, analystBE, supplierInput({ country: 'FR', identifiers: [{ scheme: 'PHONE', value: '+33 1 99 00 51 45' }] }));
    expect(await suppliersHolding(analystFR, 'PHONE', '01 99 00 51 45')).toEqual([payload.supplier.id]);
    expect(await suppliersHolding(analystBE, 'PHONE', '01 99 00 51 45')).toEqual([]); // +32 1 99 00 51 45: another number
  });
});
