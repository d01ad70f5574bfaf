// Sightings through HTTP: the same identifier recorded by two agencies' suppliers is found when
// the second is written, is seen from both sides, shows as a restricted hit when the other side
// may not be read (nothing for TLP_RED), and `sightings(identifier:)` answers for any valid
// writing, audited. Every company, number and account is invented.
import { Role } from '../../src/auth/roles';
import { idOfType } from '../../src/graphql/relay/global-id';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { iban } from '../factories/identifier-values';
import { createSupplier, supplierInput } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let british: TestAgency;
let belgian: TestAgency;
let german: TestAgency;
let analystGB: string;
let analystBE: string;
let analystDE: string;

beforeAll(async () => {
  app = await TestApp.start();
  british = await makeAgency(app, { jurisdiction: 'GB' });
  belgian = await makeAgency(app, { jurisdiction: 'BE' });
  german = await makeAgency(app, { jurisdiction: 'DE' });
  analystGB = await british.token([Role.ANALYST], 'analyst.gb');
  analystBE = await belgian.token([Role.ANALYST], 'analyst.be');
  analystDE = await german.token([Role.ANALYST], 'analyst.de');
});
afterAll(() => app.stop());

let sequence = 0;
/** An Iraqi mobile number of its own for each test: 0750 then seven digits. */
const freshMobile = () => `750${String(3100000 + ++sequence * 37).padStart(7, '0')}`;

async function supplier(token: string, overrides: Record<string, unknown>): Promise<string> {
  const payload = await createSupplier(app, token, supplierInput(overrides));
  if (payload.userErrors.length) throw new Error(JSON.stringify(payload.userErrors));
  return payload.supplier.id;
}

/** Sightings stored with this supplier on either side. */
const storedPairs = async (id: string) =>
  (await app.query('SELECT count(*)::int AS n FROM sighting WHERE $1 IN (record_a, record_b)', [idOfType(id, 'Supplier')]))[0].n;

const SUPPLIER_SIGHTINGS = `query ($id: ID!) { supplier(id: $id) { sightings {
  basis score identifier { scheme normalised } record { __typename ... on Supplier { id name } } restricted { agency { code } jurisdiction handling } } } }`;

async function sightingsOf(token: string, id: string) {
  const res = await app.graphql(token, SUPPLIER_SIGHTINGS, { id });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.supplier.sightings;
}

const SIGHTINGS = `query ($scheme: String!, $value: String!) { sightings(identifier: { scheme: $scheme, value: $value }) {
  basis score identifier { scheme normalised } record { ... on Supplier { id } } restricted { agency { code } handling } } }`;

describe('sightings of suppliers', () => {
  it('are found when the second agency records the identifier, and seen from both sides', async () => {
    const mobile = freshMobile();
    const first = await supplier(analystGB, { country: 'GB', identifiers: [{ scheme: 'PHONE', value: `00964 ${mobile}` }] });
    expect(await sightingsOf(analystGB, first)).toEqual([]);
    const second = await supplier(analystBE, { country: 'IQ', identifiers: [{ scheme: 'PHONE', value: `0${mobile.slice(0, 3)} ${mobile.slice(3)}` }] });

    const shared = { basis: 'SAME_IDENTIFIER', score: 1, identifier: { scheme: 'PHONE', normalised: `+964${mobile}` }, restricted: null };
    expect(await sightingsOf(analystBE, second)).toEqual([{ ...shared, record: { __typename: 'Supplier', id: first, name: expect.any(String) } }]);
    expect(await sightingsOf(analystGB, first)).toEqual([{ ...shared, record: { __typename: 'Supplier', id: second, name: expect.any(String) } }]);
    expect(await storedPairs(first)).toBe(1);
  });

  it('are stored once per pair and identifier, and not between one agency\'s own records', async () => {
    const account = iban('NL', 'KSTV0519203311');
    const own = await supplier(analystBE, { identifiers: [{ scheme: 'IBAN', value: account }] });
    const ownAgain = await supplier(analystBE, { identifiers: [{ scheme: 'IBAN', value: account.toLowerCase() }] });
    expect(await sightingsOf(analystBE, own)).toEqual([]);
    const other = await supplier(analystDE, { identifiers: [{ scheme: 'IBAN', value: account.replace(/(.{4})/g, '$1 ') }, { scheme: 'HAWALA_CODE', value: 'QX-1' }] });
    const seen = await sightingsOf(analystDE, other);
    expect(seen.map((s: any) => s.record.id).sort()).toEqual([own, ownAgain].sort());
    expect(await storedPairs(other)).toBe(2);
  });

  it.each([
    ['TLP_AMBER', true],
    ['TLP_AMBER_STRICT', true],
    ['TLP_RED', false],
  ])('to a %s supplier the reader may not see: a restricted hit is %s', async (handling, hit) => {
    const mobile = freshMobile();
    const hidden = await supplier(analystGB, { handling, identifiers: [{ scheme: 'PHONE', value: `+964 ${mobile}` }] });
    const mine = await supplier(analystBE, { identifiers: [{ scheme: 'PHONE', value: `+964${mobile}` }] });
    const seen = await sightingsOf(analystBE, mine);
    expect(seen).toEqual(hit
      ? [{ basis: 'SAME_IDENTIFIER', score: 1, identifier: null, record: null, restricted: { agency: { code: british.code }, jurisdiction: 'GB', handling } }]
      : []);
    // The owner still sees the readable side in full.
    expect((await sightingsOf(analystGB, hidden)).map((s: any) => s.record?.id)).toEqual([mine]);
  });

  it('audit a supplier\'s sightings only when they hold a restricted hit', async () => {
    const mobile = freshMobile();
    await supplier(analystGB, { handling: 'TLP_AMBER_STRICT', identifiers: [{ scheme: 'PHONE', value: `+964 ${mobile}` }] });
    const mine = await supplier(analystBE, { identifiers: [{ scheme: 'PHONE', value: `+964${mobile}` }] });
    const reader = await belgian.token([Role.ANALYST], `analyst.hits.${mobile}`);
    await app.graphql(reader, SUPPLIER_SIGHTINGS, { id: mine });
    const events = await app.query('SELECT operation, outcome, entity_ids FROM audit_event WHERE actor = $1', [`analyst.hits.${mobile}`]);
    expect(events).toEqual([{ operation: 'supplier', outcome: 'SUCCESS', entity_ids: [expect.any(String)] }]);
  });
});

describe('sightings(identifier:)', () => {
  it('answers every holder of an identifier written any valid way: readable records, then one hit per agency and handling', async () => {
    const mobile = freshMobile();
    const british1 = await supplier(analystGB, { identifiers: [{ scheme: 'PHONE', value: `00964${mobile}` }] });
    // Two hidden German suppliers: one hit for both.
    await supplier(analystDE, { handling: 'TLP_AMBER', identifiers: [{ scheme: 'PHONE', value: `+964 ${mobile}` }] });
    await supplier(analystDE, { handling: 'TLP_AMBER', identifiers: [{ scheme: 'PHONE', value: `+964-${mobile}` }] });
    await supplier(analystDE, { handling: 'TLP_RED', identifiers: [{ scheme: 'PHONE', value: `+964 ${mobile}` }] });

    const res = await app.graphql(analystBE, SIGHTINGS, { scheme: 'phone', value: `(+964) ${mobile.slice(0, 3)} ${mobile.slice(3)}` });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data.sightings).toEqual([
      { basis: 'SAME_IDENTIFIER', score: 1, identifier: { scheme: 'PHONE', normalised: `+964${mobile}` }, record: { id: british1 }, restricted: null },
      { basis: 'SAME_IDENTIFIER', score: 1, identifier: null, record: null, restricted: { agency: { code: german.code }, handling: 'TLP_AMBER' } },
    ]);
  });

  it('reads a national phone number in the caller\'s jurisdiction', async () => {
    const holder = await supplier(analystGB, { country: 'GB', identifiers: [{ scheme: 'PHONE', value: '+44 20 7946 0117' }] });
    const asBritish = await app.graphql(analystGB, SIGHTINGS, { scheme: 'PHONE', value: '020 7946 0117' });
    expect(asBritish.body.data.sightings.map((s: any) => s.record?.id)).toEqual([holder]);
    const asGerman = await app.graphql(analystDE, SIGHTINGS, { scheme: 'PHONE', value: '020 7946 0117' }); // +49 20 7946 0117
    expect(asGerman.body.data.sightings).toEqual([]);
  });

  it('is audited, with the caller and outcome, whatever it answers', async () => {
    const reader = await german.token([Role.ANALYST], 'analyst.lookup');
    await app.graphql(reader, SIGHTINGS, { scheme: 'HAWALA_CODE', value: 'NO-SUCH-CODE-7' });
    expect(await app.query("SELECT operation, outcome FROM audit_event WHERE actor = 'analyst.lookup'")).toEqual([{ operation: 'sightings', outcome: 'SUCCESS' }]);
  });

  it.each([
    ['an unknown scheme', 'FAX', '+32 2 555 0100', 'is not known'],
    ['a value its scheme refuses', 'IBAN', 'BE00 0000 0000 0000', 'not a valid IBAN'],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_what, scheme, value, message) => {
    const res = await app.graphql(analystBE, SIGHTINGS, { scheme, value });
    expect(res.body.errors?.[0]).toMatchObject({ message: expect.stringContaining(message), extensions: { code: 'BAD_USER_INPUT', argument: 'identifier' } });
  });

  it('is FORBIDDEN to an AUDITOR alone', async () => {
    const auditor = await belgian.token([Role.AUDITOR], 'auditor.sightings');
    const res = await app.graphql(auditor, SIGHTINGS, { scheme: 'PHONE', value: '+44 20 7946 0117' });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
