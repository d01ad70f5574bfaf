import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let owner: TestAgency;
let partner: TestAgency;
let officer: string;

const UPDATE = `mutation ($input: SeizureUpdateInput!) { seizureUpdate(input: $input) {
  seizure { id version handling notes jurisdiction seizedAt sharedWith { code } location { description latitude longitude } }
  userErrors { code field message } } }`;

const update = async (input: Record<string, unknown>, token = officer) => {
  const res = await app.graphql(token, UPDATE, { input });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.seizureUpdate;
};
const stored = async (id: string) =>
  (await app.query(`SELECT version, notes, handling FROM seizure WHERE id = $1`, [Buffer.from(id, 'base64url').toString().split(':')[1]]))[0];

beforeAll(async () => {
  app = await TestApp.start();
  owner = await makeAgency(app, { jurisdiction: 'FR' });
  partner = await makeAgency(app, { jurisdiction: 'BE' });
  officer = await owner.token([Role.OFFICER]);
});
afterAll(() => app.stop());

describe('seizureUpdate', () => {
  it('amends the fields given, against the version read, and bumps the version', async () => {
    const seizure = await makeSeizure(app, officer, { notes: 'first notes' });
    const result = await update({
      id: seizure.id, version: 1, notes: 'second notes', handling: 'TLP_AMBER', sharedWith: [partner.code],
      location: { description: 'Beach near Wimereux', latitude: 50.77, longitude: 1.61 },
    });
    expect(result).toEqual({
      seizure: expect.objectContaining({
        id: seizure.id, version: 2, notes: 'second notes', handling: 'TLP_AMBER', sharedWith: [{ code: partner.code }],
        jurisdiction: 'FR', location: { description: 'Beach near Wimereux', latitude: 50.77, longitude: 1.61 },
      }),
      userErrors: [],
    });
    expect(await stored(seizure.id)).toEqual({ version: 2, notes: 'second notes', handling: 'TLP_AMBER' });
  });

  it('refuses a stale version with CONFLICT, shows the seizure as it stands, and changes nothing', async () => {
    const seizure = await makeSeizure(app, officer, { notes: 'original' });
    await update({ id: seizure.id, version: 1, notes: 'amended once' });
    const stale = await update({ id: seizure.id, version: 1, notes: 'lost update' });
    expect(stale.userErrors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: ['input', 'version'] })]);
    expect(stale.seizure).toMatchObject({ version: 2, notes: 'amended once' });
    expect(await stored(seizure.id)).toMatchObject({ version: 2, notes: 'amended once' });
  });

  it('gives one success and CONFLICT for the rest when amended concurrently with one version', async () => {
    const seizure = await makeSeizure(app, officer);
    const results = await Promise.all(Array.from({ length: 5 }, (_, i) => update({ id: seizure.id, version: 1, notes: `writer ${i}` })));
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'CONFLICT')).toHaveLength(4);
    expect((await stored(seizure.id)).version).toBe(2);
  });

  it("answers NOT_FOUND for a seizure the caller may not read, FORBIDDEN for another agency's, and changes nothing", async () => {
    const theirs = await partner.token([Role.OFFICER]);
    const hidden = await makeSeizure(app, theirs, { handling: 'TLP_AMBER_STRICT', notes: 'theirs' });
    const visible = await makeSeizure(app, theirs, { notes: 'theirs too' });
    expect((await update({ id: hidden.id, version: 1, notes: 'x' })).userErrors).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['input', 'id'] })]);
    expect((await update({ id: visible.id, version: 1, notes: 'x' })).userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', field: ['input', 'id'] })]);
    expect(await stored(hidden.id)).toMatchObject({ version: 1, notes: 'theirs' });
    expect(await stored(visible.id)).toMatchObject({ version: 1, notes: 'theirs too' });
  });

  it('refuses bad input naming the field, and changes nothing', async () => {
    const seizure = await makeSeizure(app, officer, { notes: 'kept' });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await update({ id: seizure.id, version: 1, seizedAt: future })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'seizedAt'] })]);
    expect((await update({ id: seizure.id, version: 1, sharedWith: [partner.code] })).userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'sharedWith'] })]);
    expect((await update({ id: seizure.id, version: 1, location: { latitude: 95, longitude: 1 } })).userErrors).toEqual([expect.objectContaining({ field: ['input', 'location', 'latitude'] })]);
    expect(await stored(seizure.id)).toMatchObject({ version: 1, notes: 'kept' });
    const analyst = await owner.token([Role.ANALYST]);
    const res = await app.graphql(analyst, UPDATE, { input: { id: seizure.id, version: 1, notes: 'x' } });
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
