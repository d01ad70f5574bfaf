import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let french: TestAgency;
let british: TestAgency;
let reader: string;

const SEIZURES = `query ($filter: SeizureFilter, $first: Int, $after: String) {
  seizures(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { reference } }
    nodes { reference }
  }
}`;

async function seizures(variables: Record<string, unknown>) {
  const res = await app.graphql(reader, SEIZURES, variables);
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.seizures;
}

beforeAll(async () => {
  app = await TestApp.start();
  french = await makeAgency(app, { jurisdiction: 'FR' });
  british = await makeAgency(app, { jurisdiction: 'GB' });
  const frOfficer = await french.token([Role.OFFICER]);
  const gbOfficer = await british.token([Role.OFFICER]);
  reader = await french.token([Role.ANALYST]);
  // Seven French seizures a day apart, one British one with a life jacket batch.
  for (let day = 1; day <= 7; day++) {
    await makeSeizure(app, frOfficer, {
      reference: `FR-Q-${day}`,
      seizedAt: `2025-05-0${day}T10:00:00+02:00`,
      items: [{ kind: day % 2 ? 'ENGINE' : 'BOAT', make: day % 2 ? 'Velmont Marine' : 'Qiaoxing', serialNumber: `SN-Q-${day}` }],
    });
  }
  await makeSeizure(app, gbOfficer, {
    reference: 'GB-Q-1',
    seizedAt: '2025-05-04T12:00:00+01:00',
    items: [{ kind: 'LIFE_JACKET', make: 'Anvora Tekstil', batchNumber: 'AT-LJ-77', quantity: 50 }],
  });
});
afterAll(() => app.stop());

describe('seizures: keyset pagination', () => {
  it('walks every page, newest first, without repeats or gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = await seizures({ filter: { agency: [french.code] }, first: 3, after });
      expect(page.totalCount).toBe(7);
      expect(page.edges.map((e: any) => e.node.reference)).toEqual(page.nodes.map((n: any) => n.reference));
      seen.push(...page.nodes.map((n: any) => n.reference));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual(['FR-Q-7', 'FR-Q-6', 'FR-Q-5', 'FR-Q-4', 'FR-Q-3', 'FR-Q-2', 'FR-Q-1']);
  });

  it('answers first: 0 with an empty page that still counts', async () => {
    const page = await seizures({ filter: { agency: [french.code] }, first: 0 });
    expect(page).toMatchObject({ totalCount: 7, nodes: [], pageInfo: { hasNextPage: true, endCursor: null } });
  });

  it.each([[101], [-1]])('refuses first: %i with BAD_USER_INPUT', async (first) => {
    const res = await app.graphql(reader, SEIZURES, { first });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a cursor that is not one of this list', async () => {
    const items = await app.graphql(reader, '{ items(first: 1) { pageInfo { endCursor } } }');
    const res = await app.graphql(reader, SEIZURES, { after: items.body.data.items.pageInfo.endCursor });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const garbage = await app.graphql(reader, SEIZURES, { after: 'not-a-cursor' });
    expect(garbage.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('seizures: every filter', () => {
  const references = async (filter: Record<string, unknown>) =>
    (await seizures({ filter, first: 100 })).nodes.map((n: any) => n.reference).sort();

  it('filters by jurisdiction', async () => {
    expect(await references({ jurisdiction: ['GB'], agency: [french.code, british.code] })).toEqual(['GB-Q-1']);
  });

  it('filters by agency code, ignoring case', async () => {
    expect(await references({ agency: [british.code.toLowerCase()] })).toEqual(['GB-Q-1']);
  });

  it('filters by seizure time, both bounds inclusive', async () => {
    expect(await references({ agency: [french.code], seizedFrom: '2025-05-03T10:00:00+02:00', seizedTo: '2025-05-05T08:00:00Z' }))
      .toEqual(['FR-Q-3', 'FR-Q-4', 'FR-Q-5']);
  });

  it('filters by the kinds of items held', async () => {
    expect(await references({ agency: [french.code, british.code], itemKind: ['BOAT', 'LIFE_JACKET'] }))
      .toEqual(['FR-Q-2', 'FR-Q-4', 'FR-Q-6', 'GB-Q-1']);
  });

  it('filters by reference, ignoring case and surrounding spaces', async () => {
    expect(await references({ reference: ' fr-q-3 ' })).toEqual(['FR-Q-3']);
  });

  it('combines filters', async () => {
    expect(await references({ agency: [french.code], itemKind: ['ENGINE'], seizedTo: '2025-05-03T23:00:00Z' })).toEqual(['FR-Q-1', 'FR-Q-3']);
  });
});

describe('items: every filter', () => {
  const ITEMS = `query ($filter: ItemFilter, $first: Int, $after: String) {
    items(filter: $filter, first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { serialNumber batchNumber seizure { reference } }
    }
  }`;
  const identifiers = async (filter: Record<string, unknown>) => {
    const res = await app.graphql(reader, ITEMS, { filter, first: 100 });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data.items.nodes.map((n: any) => n.serialNumber ?? n.batchNumber).sort();
  };

  it('finds an item by its identifier whatever its case and separators', async () => {
    expect(await identifiers({ identifier: 'sn.q 3' })).toEqual(['SN-Q-3']);
    expect(await identifiers({ identifier: 'atlj77' })).toEqual(['AT-LJ-77']);
  });

  it('filters by kind, make (ignoring case) and jurisdiction', async () => {
    expect(await identifiers({ kind: ['BOAT'], make: 'QIAOXING' })).toEqual(['SN-Q-2', 'SN-Q-4', 'SN-Q-6']);
    expect(await identifiers({ jurisdiction: ['GB'], kind: ['LIFE_JACKET'] })).toEqual(['AT-LJ-77']);
  });

  it('pages through items without repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const res: any = await app.graphql(reader, ITEMS, { filter: { make: 'velmont marine' }, first: 2, after });
      const page = res.body.data.items;
      expect(page.totalCount).toBe(4);
      seen.push(...page.nodes.map((n: any) => n.serialNumber));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen.sort()).toEqual(['SN-Q-1', 'SN-Q-3', 'SN-Q-5', 'SN-Q-7']);
  });

  it('refuses an identifier with nothing to look up', async () => {
    const res = await app.graphql(reader, ITEMS, { filter: { identifier: ' - ' } });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
