import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure, recordSeizure, seizureInput } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agency: TestAgency;
let officer: string;

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app, { jurisdiction: 'FR' });
  officer = await agency.token([Role.OFFICER]);
});
afterAll(() => app.stop());

const countSeizures = async (reference: string) =>
  (await app.query('SELECT count(*)::int AS n FROM seizure WHERE reference_key = lower($1)', [reference]))[0].n;

describe('seizureRecord', () => {
  it('stores the seizure and its items as recorded, with defaults and normalised identifiers', async () => {
    const seizure = await makeSeizure(app, officer, {
      reference: 'FR-DK-0001',
      items: [
        { kind: 'ENGINE', make: 'Velmont Marine', serialNumber: '6g5 1234567' },
        { kind: 'BOAT', hin: 'fr-zqx12345-d4-24' },
        { kind: 'LIFE_JACKET', batchNumber: 'AT-LJ/2403', quantity: 600, lifeJacket: { ceMarked: false, buoyancyNewtons: 150 } },
      ],
    });
    expect(seizure).toMatchObject({ reference: 'FR-DK-0001', jurisdiction: 'FR', handling: 'TLP_GREEN', agency: { code: agency.code } });
    expect(seizure.items.totalCount).toBe(3);
    expect(seizure.items.nodes.map((i: any) => [i.kind, i.identifier, i.quantity])).toEqual([
      ['ENGINE', '6G51234567', 1],
      ['BOAT', 'FRZQX12345D424', 1],
      ['LIFE_JACKET', 'ATLJ2403', 600],
    ]);
    const rows = await app.query(
      `SELECT i.serial_number, i.hin, i.batch_number, i.life_jacket_ce_marked, s.recorded_by, s.version
         FROM item i JOIN seizure s ON s.id = i.seizure_id WHERE s.reference = 'FR-DK-0001' ORDER BY i.position`,
    );
    expect(rows.map((r) => r.serial_number ?? r.hin ?? r.batch_number)).toEqual(['6g5 1234567', 'fr-zqx12345-d4-24', 'AT-LJ/2403']);
    expect(rows[2].life_jacket_ce_marked).toBe(false);
    expect(rows[0]).toMatchObject({ recorded_by: `officer.${agency.code.toLowerCase()}`, version: 1 });
  });

  it('answers with the seizure exactly as a later read shows it', async () => {
    const partner = await makeAgency(app);
    const fields = `id reference jurisdiction seizedAt handling notes recordedAt updatedAt version
      location { description latitude longitude } sharedWith { code } agency { code } items { totalCount nodes { id position } }`;
    const recorded = await app.graphql(officer, `mutation ($input: SeizureRecordInput!) { seizureRecord(input: $input) { seizure { ${fields} } } }`, {
      input: seizureInput({
        jurisdiction: 'BE', notes: 'Tender found at dawn', handling: 'TLP_AMBER', sharedWith: [partner.code],
        location: { description: 'Beach north of the harbour wall', latitude: 51.23, longitude: 2.91 },
      }),
    });
    const answer = recorded.body.data.seizureRecord.seizure;
    const read = await app.graphql(officer, `query ($id: ID!) { seizure(id: $id) { ${fields} } }`, { id: answer.id });
    expect(read.body.data.seizure).toEqual(answer);
    expect(answer).toMatchObject({ jurisdiction: 'BE', handling: 'TLP_AMBER', version: 1, sharedWith: [{ code: partner.code }] });
  });

  it('records for the agency in the token and lets the jurisdiction differ from it', async () => {
    const seizure = await makeSeizure(app, officer, { jurisdiction: 'GB' });
    expect(seizure).toMatchObject({ jurisdiction: 'GB', agency: { code: agency.code } });
  });

  it('is idempotent on the reference, ignoring case and surrounding spaces, and returns the existing seizure', async () => {
    const first = await makeSeizure(app, officer, { reference: 'FR-IDEM-7' });
    const again = await recordSeizure(app, officer, seizureInput({ reference: '  fr-idem-7 ', notes: 'different content' }));
    expect(again.userErrors).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_REFERENCE', field: ['input', 'reference'] }),
    ]);
    expect(again.seizure.id).toBe(first.id);
    expect(await countSeizures('FR-IDEM-7')).toBe(1);
    expect((await app.query(`SELECT notes FROM seizure WHERE id IN (SELECT id FROM seizure WHERE reference_key = 'fr-idem-7')`))[0].notes).toBeNull();
  });

  it('stores exactly one seizure when the same reference is recorded concurrently', async () => {
    const input = seizureInput({ reference: 'FR-RACE-1' });
    const results = await Promise.all(Array.from({ length: 8 }, () => recordSeizure(app, officer, input)));
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'DUPLICATE_REFERENCE')).toHaveLength(7);
    expect(new Set(results.map((r) => r.seizure.id)).size).toBe(1);
    expect(await countSeizures('FR-RACE-1')).toBe(1);
    expect((await app.query(`SELECT count(*)::int AS n FROM item i JOIN seizure s ON s.id = i.seizure_id WHERE s.reference = 'FR-RACE-1'`))[0].n).toBe(1);
  });

  it('lets two agencies use the same reference', async () => {
    const other = await makeAgency(app);
    await makeSeizure(app, officer, { reference: 'SHARED-REF-1' });
    const theirs = await recordSeizure(app, await other.token([Role.OFFICER]), seizureInput({ reference: 'SHARED-REF-1' }));
    expect(theirs.userErrors).toEqual([]);
    expect(await countSeizures('SHARED-REF-1')).toBe(2);
  });

  it('accepts a damaged hull mark as read, with unreadable characters', async () => {
    const seizure = await makeSeizure(app, officer, { items: [{ kind: 'BOAT', hin: 'CN-ZQX4?231-C5-*', markDamaged: true }] });
    expect(seizure.items.nodes[0]).toMatchObject({ hin: 'CN-ZQX4?231-C5-*', identifier: 'CNZQX4?231C5*', markDamaged: true });
  });
});

describe('seizureRecord refuses bad input, naming the field, and stores nothing', () => {
  const cases: Array<[string, Record<string, unknown>, string, string[]]> = [
    ['an empty reference', { reference: '   ' }, 'INVALID_INPUT', ['input', 'reference']],
    ['a reference over 64 characters', { reference: 'R'.repeat(65) }, 'INVALID_INPUT', ['input', 'reference']],
    ['a seizure time in the future', { seizedAt: new Date(Date.now() + 10 * 60_000).toISOString() }, 'INVALID_INPUT', ['input', 'seizedAt']],
    ['no items', { items: [] }, 'INVALID_INPUT', ['input', 'items']],
    ['a quantity below 1', { items: [{ kind: 'PUMP' }, { kind: 'PUMP', quantity: 0 }] }, 'INVALID_INPUT', ['input', 'items', '1', 'quantity']],
    ['an invalid HIN on a boat', { items: [{ kind: 'BOAT', hin: 'FR-ZQX12345-M4-24' }] }, 'INVALID_IDENTIFIER', ['input', 'items', '0', 'hin']],
    ['a HIN of the wrong length', { items: [{ kind: 'BOAT', hin: 'ZQX123' }] }, 'INVALID_IDENTIFIER', ['input', 'items', '0', 'hin']],
    ['unreadable characters on an intact mark', { items: [{ kind: 'ENGINE', serialNumber: '6G5-12?4567' }] }, 'INVALID_IDENTIFIER', ['input', 'items', '0', 'serialNumber']],
    ['a serial over 64 characters', { items: [{ kind: 'ENGINE', serialNumber: '9'.repeat(65) }] }, 'INVALID_INPUT', ['input', 'items', '0', 'serialNumber']],
    ['a make over 500 characters', { items: [{ kind: 'ENGINE', make: 'x'.repeat(501) }] }, 'INVALID_INPUT', ['input', 'items', '0', 'make']],
    ['notes over 10,000 characters', { notes: 'n'.repeat(10_001) }, 'INVALID_INPUT', ['input', 'notes']],
    ['an unregistered sharedWith agency', { handling: 'TLP_AMBER', sharedWith: ['NO-SUCH-AGENCY'] }, 'INVALID_INPUT', ['input', 'sharedWith', '0']],
    ['sharedWith without TLP_AMBER', { handling: 'TLP_AMBER_STRICT', sharedWith: ['NO-SUCH-AGENCY'] }, 'INVALID_INPUT', ['input', 'sharedWith']],
    ['a latitude without longitude', { location: { latitude: 51 } }, 'INVALID_INPUT', ['input', 'location', 'longitude']],
    ['a latitude out of range', { location: { latitude: 91, longitude: 2 } }, 'INVALID_INPUT', ['input', 'location', 'latitude']],
    ['engine facts on a boat', { items: [{ kind: 'BOAT', engine: { stroke: 2 } }] }, 'INVALID_INPUT', ['input', 'items', '0', 'engine']],
    ['an engine stroke other than 2 or 4', { items: [{ kind: 'ENGINE', engine: { stroke: 3 } }] }, 'INVALID_INPUT', ['input', 'items', '0', 'engine', 'stroke']],
  ];

  it.each(cases)('%s', async (_name, overrides, code, field) => {
    const input = seizureInput(overrides);
    const payload = await recordSeizure(app, officer, input);
    expect(payload.seizure).toBeNull();
    expect(payload.userErrors).toContainEqual(expect.objectContaining({ code, field }));
    const reference = String(input.reference).trim();
    if (reference !== '' && reference.length <= 64) expect(await countSeizures(reference)).toBe(0);
  });

  it('refuses more than 1,000 items', async () => {
    const items = Array.from({ length: 1001 }, () => ({ kind: 'PUMP' }));
    const payload = await recordSeizure(app, officer, seizureInput({ reference: 'FR-TOO-MANY', items }));
    expect(payload.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'items'] })]);
    expect(await countSeizures('FR-TOO-MANY')).toBe(0);
  });

  it('stores 1,000 items in one seizure', async () => {
    const items = Array.from({ length: 1000 }, (_, i) => ({ kind: 'LIFE_JACKET', batchNumber: `B-${i}`, quantity: 10 }));
    const payload = await recordSeizure(app, officer, seizureInput({ reference: 'FR-THOUSAND', items }));
    expect(payload.userErrors).toEqual([]);
    expect(payload.seizure.items.totalCount).toBe(1000);
  });

  it('reports every problem of an input at once, and stores none of its items', async () => {
    const payload = await recordSeizure(app, officer, seizureInput({
      reference: 'FR-MANY-PROBLEMS',
      items: [{ kind: 'ENGINE', serialNumber: '6G5-1' }, { kind: 'BOAT', hin: 'bad' }, { kind: 'PUMP', quantity: -1 }],
    }));
    expect(payload.userErrors.map((e) => e.field)).toEqual([['input', 'items', '1', 'hin'], ['input', 'items', '2', 'quantity']]);
    expect(await countSeizures('FR-MANY-PROBLEMS')).toBe(0);
    expect((await app.query(`SELECT count(*)::int AS n FROM item WHERE serial_number = '6G5-1'`))[0].n).toBe(0);
  });

  it('refuses a malformed DateTime or country before anything runs', async () => {
    const badTime = await app.graphql(officer, 'mutation ($input: SeizureRecordInput!) { seizureRecord(input: $input) { userErrors { code } } }', {
      input: seizureInput({ reference: 'FR-BAD-TIME', seizedAt: '2025-03-14 05:30' }),
    });
    expect(badTime.status).toBe(400);
    expect(badTime.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badCountry = await app.graphql(officer, 'mutation ($input: SeizureRecordInput!) { seizureRecord(input: $input) { userErrors { code } } }', {
      input: seizureInput({ reference: 'FR-BAD-COUNTRY', jurisdiction: 'XX' }),
    });
    expect(badCountry.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await countSeizures('FR-BAD-TIME')).toBe(0);
    expect(await countSeizures('FR-BAD-COUNTRY')).toBe(0);
  });

  it('is refused to a caller without the OFFICER role', async () => {
    const analyst = await agency.token([Role.ANALYST]);
    const res = await app.graphql(analyst, 'mutation ($input: SeizureRecordInput!) { seizureRecord(input: $input) { userErrors { code } } }', {
      input: seizureInput({ reference: 'FR-ANALYST' }),
    });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await countSeizures('FR-ANALYST')).toBe(0);
  });
});
