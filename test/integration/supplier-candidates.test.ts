import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agency: TestAgency;
let analyst: string;

const CANDIDATES = `query ($input: SupplierCandidatesInput!) { supplierCandidates(input: $input) { supplier { name } score reasons } }`;

async function candidates(input: Record<string, unknown>, token = analyst) {
  const res = await app.graphql(token, CANDIDATES, { input });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.supplierCandidates as Array<{ supplier: { name: string }; score: number; reasons: string[] }>;
}

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app, { jurisdiction: 'BG' });
  analyst = await agency.token([Role.ANALYST]);
  await makeSupplier(app, analyst, { name: 'Balkanska Morska Import EOOD', country: 'BG', identifiers: [{ scheme: 'VAT', value: 'BG 204 817 339' }] });
  await makeSupplier(app, analyst, { name: 'Kestrovan Marine Ltd', country: 'GB', identifiers: [{ scheme: 'PHONE', value: '+44 20 7946 0321' }] });
  const other = await makeAgency(app);
  await makeSupplier(app, await other.token([Role.ANALYST]), { name: 'Balkanska Morska Hidden OOD', country: 'BG', handling: 'TLP_AMBER_STRICT' });
});
afterAll(() => app.stop());

describe('supplierCandidates', () => {
  it('finds the same supplier written another way, saying why', async () => {
    const [first] = await candidates({ name: 'BALKANSKA MORSKA IMPORT E.O.O.D.', country: 'BG' });
    expect(first.supplier.name).toBe('Balkanska Morska Import EOOD');
    expect(first.score).toBeGreaterThan(0.9);
    expect(first.reasons).toEqual([expect.stringMatching(/^name the same as/), 'same country']);
  });

  it('finds a supplier by a shared identifier whatever its name', async () => {
    const [first] = await candidates({ name: 'Black Sea Outdoor Trading', identifiers: [{ scheme: 'vat', value: 'bg-204.817.339' }] });
    expect(first).toEqual({ supplier: { name: 'Balkanska Morska Import EOOD' }, score: 0.95, reasons: ['same VAT BG204817339'] });
    const [byPhone] = await candidates({ name: 'Unrelated Name', identifiers: [{ scheme: 'PHONE', value: '0044 (0)20 7946 0321' }] });
    expect(byPhone.supplier.name).toBe('Kestrovan Marine Ltd');
  });

  it('lowers the score of a supplier in another country', async () => {
    const [same] = await candidates({ name: 'Kestrovan Marine', country: 'GB' });
    const [elsewhere] = await candidates({ name: 'Kestrovan Marine', country: 'TR' });
    expect(elsewhere.supplier.name).toBe('Kestrovan Marine Ltd');
    expect(elsewhere.score).toBeLessThan(same.score);
    expect(elsewhere.reasons).toContain('different country (GB)');
  });

  it('offers nothing for a name made of generic words, and never a supplier the caller may not read', async () => {
    expect(await candidates({ name: 'Marine Import Ltd' })).toEqual([]);
    const names = (await candidates({ name: 'Balkanska Morska' })).map((c) => c.supplier.name);
    expect(names).toContain('Balkanska Morska Import EOOD');
    expect(names).not.toContain('Balkanska Morska Hidden OOD');
  });
});
