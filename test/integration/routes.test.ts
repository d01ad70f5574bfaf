import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeMovement } from '../factories/movement.factory';
import { makeSeizure, recordSeizure, seizureInput } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agency: TestAgency;
let token: string;

const CORRIDORS = `query ($filter: CorridorFilter) { corridors(filter: $filter) { fromCountry toCountry movements seizures modes } }`;

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app, { jurisdiction: 'FR' });
  token = await agency.token([Role.OFFICER, Role.ANALYST]);
});
afterAll(() => app.stop());

describe('seizure routes', () => {
  it('records the route with the seizure and shows it in order', async () => {
    const route = [
      { country: 'TR', place: 'Istanbul port', mode: 'SEA' },
      { country: 'BG', mode: 'ROAD' },
      { country: 'DE', place: 'Warehouse near Duisburg' },
      { country: 'FR', place: 'Dunes near Gravelines', mode: 'ROAD' },
    ];
    const seizure = await makeSeizure(app, token, { route });
    const res = await app.graphql(token, `query ($id: ID!) { seizure(id: $id) { route { country place mode } } }`, { id: seizure.id });
    expect(res.body.data.seizure.route).toEqual([
      { country: 'TR', place: 'Istanbul port', mode: 'SEA' },
      { country: 'BG', place: null, mode: 'ROAD' },
      { country: 'DE', place: 'Warehouse near Duisburg', mode: 'UNKNOWN' },
      { country: 'FR', place: 'Dunes near Gravelines', mode: 'ROAD' },
    ]);
  });

  it('refuses a route over 50 legs or a place over 500 characters, storing nothing', async () => {
    const tooLong = await recordSeizure(app, token, seizureInput({ reference: 'ROUTE-LONG', route: Array.from({ length: 51 }, () => ({ country: 'FR' })) }));
    expect(tooLong.userErrors).toEqual([expect.objectContaining({ code: 'INVALID_INPUT', field: ['input', 'route'] })]);
    const badPlace = await recordSeizure(app, token, seizureInput({ reference: 'ROUTE-PLACE', route: [{ country: 'FR', place: 'p'.repeat(501) }] }));
    expect(badPlace.userErrors).toEqual([expect.objectContaining({ field: ['input', 'route', '0', 'place'] })]);
    expect((await app.query(`SELECT count(*)::int AS n FROM seizure WHERE reference LIKE 'ROUTE-%'`))[0].n).toBe(0);
  });
});

describe('corridors', () => {
  it('adds up movements and recorded routes by country pair, within a window and for item kinds', async () => {
    const other = await makeAgency(app, { jurisdiction: 'GB' });
    const [a, b, c] = [await makeSupplier(app, token), await makeSupplier(app, token), await makeSupplier(app, token)];
    const jackets = await makeSeizure(app, token, {
      seizedAt: '2025-06-01T00:00:00Z',
      items: [{ kind: 'LIFE_JACKET', batchNumber: 'CR-1', quantity: 100 }],
      route: [{ country: 'BG', mode: 'ROAD' }, { country: 'DE', mode: 'ROAD' }, { country: 'FR', mode: 'ROAD' }],
    });
    await makeMovement(app, token, a, b, { fromCountry: 'BG', toCountry: 'DE', mode: 'ROAD', occurredAt: '2025-05-01T00:00:00Z', itemIds: [jackets.items.nodes[0].id] });
    await makeMovement(app, token, b, c, { fromCountry: 'BG', toCountry: 'DE', mode: 'RAIL', occurredAt: '2025-05-02T00:00:00Z' });
    await makeMovement(app, token, b, c, { fromCountry: 'DE', toCountry: 'DE', occurredAt: '2025-05-03T00:00:00Z' }); // within one country: no corridor
    await makeMovement(app, token, b, c, { fromCountry: 'CN', toCountry: 'NL', mode: 'SEA', occurredAt: '2024-01-01T00:00:00Z' }); // outside the window
    // Hidden from this caller: another agency's TLP_AMBER_STRICT movement.
    const theirs = await other.token([Role.ANALYST]);
    const [x, y] = [await makeSupplier(app, theirs), await makeSupplier(app, theirs)];
    await makeMovement(app, theirs, x, y, { fromCountry: 'BG', toCountry: 'DE', occurredAt: '2025-05-04T00:00:00Z', handling: 'TLP_AMBER_STRICT' });

    // After the seizure of the first test (2025-03-14), which has a route too.
    const window = { from: '2025-04-01T00:00:00Z', to: '2025-12-31T00:00:00Z' };
    const all = (await app.graphql(token, CORRIDORS, { filter: window })).body.data.corridors;
    expect(all).toEqual([
      { fromCountry: 'BG', toCountry: 'DE', movements: 2, seizures: 1, modes: ['RAIL', 'ROAD'] },
      { fromCountry: 'DE', toCountry: 'FR', movements: 0, seizures: 1, modes: ['ROAD'] },
    ]);
    const jacketsOnly = (await app.graphql(token, CORRIDORS, { filter: { ...window, itemKind: ['LIFE_JACKET'] } })).body.data.corridors;
    expect(jacketsOnly[0]).toEqual({ fromCountry: 'BG', toCountry: 'DE', movements: 1, seizures: 1, modes: ['ROAD'] });
    const engines = (await app.graphql(token, CORRIDORS, { filter: { ...window, itemKind: ['ENGINE'] } })).body.data.corridors;
    expect(engines).toEqual([]);
    const everything = (await app.graphql(token, CORRIDORS, {})).body.data.corridors;
    expect(everything.map((c: any) => `${c.fromCountry}>${c.toCountry}`)).toContain('CN>NL');
    const owner = (await app.graphql(theirs, CORRIDORS, { filter: window })).body.data.corridors;
    expect(owner.find((c: any) => c.fromCountry === 'BG').movements).toBe(3);
  });
});
