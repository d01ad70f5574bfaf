import { Role } from '../../src/auth/roles';
import { sqlStatementCount } from '../../src/db/statement-counter';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure, recordSeizure, seizureInput } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let france: TestAgency;
let britain: TestAgency;
let fr: string;
let gb: string;

const MATCHES = `query ($id: ID!) { item(id: $id) { matches {
  item { id serialNumber hin batchNumber } restricted { handling } basis score status reasons note decidedBy decidedByAgency { code } decidedAt } } }`;

async function matchesOf(itemId: string, token = fr) {
  const res = await app.graphql(token, MATCHES, { id: itemId });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.item.matches as any[];
}

/** Records one item in a new seizure of the agency behind `token`; returns the item's id. */
async function record(token: string, item: Record<string, unknown>, overrides: Record<string, unknown> = {}): Promise<string> {
  const seizure = await makeSeizure(app, token, { items: [item], ...overrides });
  return seizure.items.nodes[0].id;
}

/** A manufacturer code of its own per test, so that wildcard readings find only their pair. */
const randomMic = () => Array.from({ length: 3 }, () => 'ACDEFGHJKMNPRTUVWXY'[Math.floor(Math.random() * 19)]).join('');

let unique = 0;
/** A serial of the shape `6G5-1234567`, unique to this run and test. */
const serial = () => `6G5-${String(3000000 + ++unique * 17).slice(0, 7)}`;

beforeAll(async () => {
  app = await TestApp.start();
  france = await makeAgency(app, { jurisdiction: 'FR' });
  britain = await makeAgency(app, { jurisdiction: 'GB' });
  fr = await france.token([Role.OFFICER, Role.ANALYST]);
  gb = await britain.token([Role.OFFICER, Role.ANALYST]);
});
afterAll(() => app.stop());

describe('matching at write time', () => {
  it('links the same serial written two ways by two countries, in both directions, with score 1.0', async () => {
    const s = serial();
    const first = await record(fr, { kind: 'ENGINE', make: 'Velmont Marine', serialNumber: s });
    const second = await record(gb, { kind: 'ENGINE', make: 'velmont  marine', serialNumber: s.toLowerCase().replace('-', ' ') });
    const fromSecond = await matchesOf(second, gb);
    expect(fromSecond).toEqual([expect.objectContaining({
      item: expect.objectContaining({ id: first, serialNumber: s }), basis: 'SAME_SERIAL', score: 1, status: 'SUGGESTED',
      reasons: ['same serial number after normalisation', 'same make'], restricted: null, decidedBy: null,
    })]);
    expect((await matchesOf(first, fr)).map((m) => m.item.id)).toEqual([second]);
  });

  it('suggests a confusable reading as a fuzzy match, saying which character', async () => {
    const s = serial(); // e.g. 6G5-3000034
    const misread = s.replace(/0/, 'O');
    const clean = await record(fr, { kind: 'ENGINE', serialNumber: s });
    const other = await record(gb, { kind: 'ENGINE', serialNumber: misread });
    const [match] = await matchesOf(other, gb);
    expect(match.item.id).toBe(clean);
    expect(match.score).toBeGreaterThan(0);
    expect(match.score).toBeLessThan(1);
    expect(match.reasons).toEqual(['0 read as O at position 5']);
  });

  it.each([
    ['a damaged reading recorded after the clean one', false],
    ['a clean reading recorded after the damaged one', true],
  ])('matches %s fuzzily', async (_name, damagedFirst) => {
    const hin = `CN-${randomMic()}${40000 + ++unique}-C5-25`;
    const damaged = { kind: 'BOAT', hin: hin.replace(/(\d)(\d)-C5/, '$1?-C5'), markDamaged: true };
    const clean = { kind: 'BOAT', hin };
    const [a, b] = damagedFirst ? [await record(fr, damaged), await record(gb, clean)] : [await record(fr, clean), await record(gb, damaged)];
    const [match] = await matchesOf(b, gb);
    expect(match).toMatchObject({ item: { id: a }, basis: 'SAME_HIN' });
    expect(match.score).toBeLessThan(1);
    expect(match.reasons).toContain('1 unreadable character on a damaged mark');
  });

  it('does not link different serials, other kinds, other fields, or items of the same seizure', async () => {
    const s = serial();
    const probe = await record(fr, { kind: 'ENGINE', serialNumber: s });
    await record(gb, { kind: 'ENGINE', serialNumber: s.replace(/.$/, (d) => String((Number(d) + 3) % 10)) }); // a different digit
    await record(gb, { kind: 'PUMP', serialNumber: s }); // another kind
    await record(gb, { kind: 'ENGINE', batchNumber: s }); // another field
    expect(await matchesOf(probe)).toEqual([]);
    const together = await makeSeizure(app, gb, { items: [{ kind: 'ENGINE', serialNumber: `${s}9` }, { kind: 'ENGINE', serialNumber: `${s}9` }] });
    expect(await matchesOf(together.items.nodes[0].id, gb)).toEqual([]);
  });

  it('shows a match to an item the caller may not read as a restricted hit: whose it is, nothing of it', async () => {
    const s = serial();
    const hidden = await record(gb, { kind: 'ENGINE', make: 'Secretmake', serialNumber: s }, { handling: 'TLP_AMBER_STRICT' });
    const mine = await record(fr, { kind: 'ENGINE', serialNumber: s });
    const res = await app.graphql(fr, `query ($id: ID!) { item(id: $id) { matches {
      item { id } restricted { agency { code } jurisdiction handling } basis score status reasons decidedBy } } }`, { id: mine });
    expect(res.body.data.item.matches).toEqual([{
      item: null, restricted: { agency: { code: britain.code }, jurisdiction: 'GB', handling: 'TLP_AMBER_STRICT' },
      basis: 'SAME_SERIAL', score: 1, status: 'SUGGESTED', reasons: [], decidedBy: null,
    }]);
    expect(JSON.stringify(res.body)).not.toContain('Secretmake');
    expect(JSON.stringify(res.body)).not.toContain(hidden); // not even its id
    expect((await matchesOf(hidden, gb)).map((m) => m.item.id)).toEqual([mine]);
  });

  it('gives no hit at all for a TLP_RED record', async () => {
    const s = serial();
    await record(gb, { kind: 'ENGINE', serialNumber: s }, { handling: 'TLP_RED' });
    const mine = await record(fr, { kind: 'ENGINE', serialNumber: s });
    expect(await matchesOf(mine, fr)).toEqual([]);
  });

  it('costs as many statements for 50 items as for one', async () => {
    const statements = async (count: number) => {
      const items = Array.from({ length: count }, () => ({ kind: 'ENGINE', serialNumber: serial() }));
      const before = sqlStatementCount();
      const payload = await recordSeizure(app, fr, seizureInput({ items }));
      expect(payload.userErrors).toEqual([]);
      return sqlStatementCount() - before;
    };
    expect(await statements(50)).toBe(await statements(1));
  });

  it('links both items when two agencies record the same serial at the same moment', async () => {
    const s = serial();
    const [a, b] = await Promise.all([record(fr, { kind: 'ENGINE', serialNumber: s }), record(gb, { kind: 'ENGINE', serialNumber: s })]);
    expect((await matchesOf(a)).map((m) => m.item.id)).toEqual([b]);
  });
});

describe('decisions and links', () => {
  const DECIDE = `mutation ($input: ItemMatchDecideInput!) { itemMatchDecide(input: $input) {
    match { item { id } status decidedBy decidedByAgency { code } decidedAt note } userErrors { code field } } }`;
  const LINK = `mutation ($input: ItemLinkInput!) { itemLink(input: $input) {
    match { item { id } basis score status note decidedBy } userErrors { code field } } }`;

  it('records a decision on the pair, seen from both sides, that can be changed, and that sticks', async () => {
    const s = serial();
    const a = await record(fr, { kind: 'ENGINE', serialNumber: s });
    const b = await record(gb, { kind: 'ENGINE', serialNumber: s });
    const rejected = await app.graphql(gb, DECIDE, { input: { itemId: b, otherItemId: a, status: 'REJECTED', note: 'different boats' } });
    expect(rejected.body.data.itemMatchDecide).toMatchObject({
      match: { item: { id: a }, status: 'REJECTED', decidedBy: `officer.${britain.code.toLowerCase()}`, decidedByAgency: { code: britain.code }, note: 'different boats' },
      userErrors: [],
    });
    expect((await matchesOf(a, fr))[0]).toMatchObject({ item: { id: b }, status: 'REJECTED' });
    // A third reading of the same serial is suggested against both, but the rejected pair stays rejected.
    const c = await record(fr, { kind: 'ENGINE', serialNumber: s });
    expect((await matchesOf(c)).map((m) => m.status)).toEqual(['SUGGESTED', 'SUGGESTED']);
    expect((await matchesOf(a, fr)).find((m) => m.item.id === b).status).toBe('REJECTED');
    const confirmed = await app.graphql(fr, DECIDE, { input: { itemId: a, otherItemId: b, status: 'CONFIRMED' } });
    expect(confirmed.body.data.itemMatchDecide.match).toMatchObject({ status: 'CONFIRMED', decidedByAgency: { code: france.code }, note: 'different boats' });
  });

  it('lets an analyst link two items the registry did not match, with a note', async () => {
    const a = await record(fr, { kind: 'ENGINE', serialNumber: serial() });
    const b = await record(gb, { kind: 'ENGINE', serialNumber: serial() });
    const linked = await app.graphql(fr, LINK, { input: { itemId: a, otherItemId: b, note: 'same plate photographed in both cases' } });
    expect(linked.body.data.itemLink).toMatchObject({
      match: { item: { id: b }, basis: 'ANALYST_LINK', score: 1, status: 'CONFIRMED', note: 'same plate photographed in both cases' },
      userErrors: [],
    });
    expect((await matchesOf(b, gb))[0]).toMatchObject({ item: { id: a }, basis: 'ANALYST_LINK' });
  });

  it.each([
    ['a pair without a match', 'DECIDE', 'NOT_FOUND', ['input', 'otherItemId']],
    ['an item linked to itself', 'LINK_SELF', 'INVALID_INPUT', ['input', 'otherItemId']],
    ['items of different kinds', 'LINK_KINDS', 'INVALID_INPUT', ['input', 'otherItemId']],
    ['an item the caller may not read', 'LINK_HIDDEN', 'NOT_FOUND', ['input', 'otherItemId']],
  ])('refuses %s', async (_name, how, code, field) => {
    const a = await record(fr, { kind: 'ENGINE', serialNumber: serial() });
    const other = {
      DECIDE: () => record(gb, { kind: 'ENGINE', serialNumber: serial() }),
      LINK_SELF: async () => a,
      LINK_KINDS: () => record(gb, { kind: 'PUMP', serialNumber: serial() }),
      LINK_HIDDEN: () => record(gb, { kind: 'ENGINE', serialNumber: serial() }, { handling: 'TLP_AMBER_STRICT' }),
    }[how as 'DECIDE'];
    const b = await other();
    const res = how === 'DECIDE'
      ? await app.graphql(fr, DECIDE, { input: { itemId: a, otherItemId: b, status: 'CONFIRMED' } })
      : await app.graphql(fr, LINK, { input: { itemId: a, otherItemId: b, note: 'why not' } });
    const payload = res.body.data.itemMatchDecide ?? res.body.data.itemLink;
    expect(payload).toEqual({ match: null, userErrors: [expect.objectContaining({ code, field })] });
  });

  it('is refused to an OFFICER without the ANALYST role', async () => {
    const officer = await france.token([Role.OFFICER]);
    const res = await app.graphql(officer, LINK, { input: { itemId: 'x', otherItemId: 'y', note: 'n' } });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
