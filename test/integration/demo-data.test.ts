import { Role } from '../../src/auth/roles';
import { DEMO_AGENCY, DEMO_SUBJECT, demoSeizures } from '../../src/db/seed/demo-data';
import { seedDemoData, seedDemoDataIfEmpty } from '../../src/db/seed/seed';
import { TestApp } from '../setup/test-app';

let app: TestApp;

beforeAll(async () => {
  app = await TestApp.start();
});
afterAll(() => app.stop());

const counts = async () =>
  (await app.query(`SELECT (SELECT count(*) FROM agency)::int AS agencies, (SELECT count(*) FROM seizure)::int AS seizures,
                           (SELECT count(*) FROM item)::int AS items`))[0];

describe('demo data', () => {
  it('loads the story on an empty database, through the services, and only once', async () => {
    expect(await seedDemoDataIfEmpty(app.dataSource)).toBe(true);
    const loaded = await counts();
    expect(loaded).toMatchObject({ agencies: 5, seizures: demoSeizures.length });
    expect(await seedDemoDataIfEmpty(app.dataSource)).toBe(false);
    await seedDemoData(app.dataSource); // `npm run seed` again: idempotent
    expect(await counts()).toEqual(loaded);
  });

  it('is readable with the demo token, including the linked engine serial recorded in two countries', async () => {
    const token = await app.token({ sub: DEMO_SUBJECT, agency: DEMO_AGENCY, roles: [Role.OFFICER, Role.ANALYST] });
    const res = await app.graphql(token, `{
      seizures(first: 20) { totalCount nodes { reference handling } }
      items(filter: { identifier: "6G5-1234567" }) { nodes { serialNumber seizure { jurisdiction } } }
    }`);
    const references = res.body.data.seizures.nodes.map((s: any) => s.reference);
    // Everything but the Dutch TLP_AMBER_STRICT seizure; the RED one is the demo officer's own.
    expect(references).toHaveLength(demoSeizures.length - 1);
    expect(references).not.toContain('NL-RTM-2025-031');
    expect(references).toContain('BE-OST-25-117');
    expect(res.body.data.items.nodes.map((i: any) => i.seizure.jurisdiction).sort()).toEqual(['DE', 'GB']);
  });
});
