// Every connection pages forwards (first/after) and backwards (last/before) over real HTTP:
// the same rows in the same order both ways, pageInfo right at both ends, and every malformed
// cursor refused as BAD_USER_INPUT (never a 500), for `after` and `before` alike.
import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeMovement } from '../factories/movement.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agency: TestAgency;
let reader: string;
let auditor: string;
let seizureWithItems: string;
let hub: string;

/** Rows in each list: pages of 2 give 2, 2, 2, 1 forwards and 1, 2, 2, 2 backwards. */
const ROWS = 7;
const MAKE = 'Quorvane Outboards';

const PAGE_VARIABLES = '$first: Int, $after: String, $last: Int, $before: String';
const PAGE_ARGUMENTS = 'first: $first, after: $after, last: $last, before: $before';
const CONNECTION = `totalCount edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }`;

interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}
interface Connection {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: PageInfo;
}

/** One connection of the schema: how to ask for a page of it, who may, and the shape of its cursor's key. */
interface List {
  name: string;
  query: () => string;
  variables: () => Record<string, unknown>;
  token: () => string;
  pick: (data: any) => Connection;
  /** The types of its cursor's key, as the tests below recognise them in a real cursor. */
  key: Array<'time' | 'uuid' | 'number' | 'word'>;
}

const rootList = (name: string, field: string, filterType: string, filter: () => Record<string, unknown>, key: List['key'], token = () => reader): List => ({
  name,
  query: () => `query (${PAGE_VARIABLES}, $filter: ${filterType}) { list: ${field}(filter: $filter, ${PAGE_ARGUMENTS}) { ${CONNECTION} } }`,
  variables: () => ({ filter: filter() }),
  token,
  pick: (data) => data.list,
  key,
});

const nestedList = (name: string, parent: string, field: string, id: () => string, key: List['key']): List => ({
  name,
  query: () => `query (${PAGE_VARIABLES}, $id: ID!) { parent: ${parent}(id: $id) { list: ${field}(${PAGE_ARGUMENTS}) { ${CONNECTION} } } }`,
  variables: () => ({ id: id() }),
  token: () => reader,
  pick: (data) => data.parent.list,
  key,
});

const LISTS: List[] = [
  rootList('seizures', 'seizures', 'SeizureFilter', () => ({ agency: [agency.code] }), ['time', 'uuid']),
  rootList('items', 'items', 'ItemFilter', () => ({ make: MAKE }), ['time', 'uuid']),
  rootList('suppliers', 'suppliers', 'SupplierFilter', () => ({ agency: [agency.code], role: 'WHOLESALER' }), ['time', 'uuid']),
  rootList('suppliers ranked by a search', 'suppliers', 'SupplierFilter', () => ({ search: 'Brennavik Chandlery' }), ['number', 'uuid', 'word']),
  rootList('auditEvents', 'auditEvents', 'AuditFilter', () => ({ operation: 'seizureRecord' }), ['time', 'uuid'], () => auditor),
  nestedList('Seizure.items', 'seizure', 'items', () => seizureWithItems, ['number']),
  nestedList('Supplier.movementsIn', 'supplier', 'movementsIn', () => hub, ['time', 'uuid']),
  nestedList('Supplier.movementsOut', 'supplier', 'movementsOut', () => hub, ['time', 'uuid']),
];

async function ask(list: List, paging: Record<string, unknown>) {
  return app.graphql(list.token(), list.query(), { ...list.variables(), ...paging });
}

async function pageOf(list: List, paging: Record<string, unknown>): Promise<Connection> {
  const res = await ask(list, paging);
  if (res.status !== 200 || res.body.errors) throw new Error(`${list.name} ${JSON.stringify(paging)}: ${res.status} ${JSON.stringify(res.body)}`);
  return list.pick(res.body.data);
}

const idsOf = (page: Connection) => page.edges.map((e) => e.node.id);

function expectCursorsAtTheEdges(page: Connection) {
  expect(page.pageInfo.startCursor).toBe(page.edges[0].cursor);
  expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
}

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app, { jurisdiction: 'FR' });
  const officer = await agency.token([Role.OFFICER, Role.ANALYST]);
  reader = await agency.token([Role.ANALYST]);
  auditor = await agency.token([Role.AUDITOR], 'auditor.paging');

  // Seven seizures, three of them at the same instant so that the id breaks ties both ways.
  // Seven items of one make spread over the first four (items of one seizure share their
  // recording time: ties again); the last seizure holds seven lines of its own.
  const times = ['2025-06-01T08:00:00Z', '2025-06-02T08:00:00Z', '2025-06-03T08:00:00Z', '2025-06-03T08:00:00Z', '2025-06-03T08:00:00Z', '2025-06-04T08:00:00Z', '2025-06-05T08:00:00Z'];
  const itemsOfTheMake = [3, 3, 0, 1, 0, 0, 0];
  for (const [n, seizedAt] of times.entries()) {
    const lines = n === 6 ? ROWS : itemsOfTheMake[n];
    const items = lines
      ? Array.from({ length: lines }, (_, i) =>
          n === 6 ? { kind: 'LIFE_JACKET', make: 'Sorrel Float', batchNumber: `SF-${i}` } : { kind: 'ENGINE', make: MAKE, serialNumber: `QV-${n}-${i}` })
      : [{ kind: 'PUMP', make: 'Hollin Pumps', serialNumber: `HP-${n}` }];
    const seizure = await makeSeizure(app, officer, { reference: `FR-PG-${n}`, seizedAt, items });
    if (n === 6) seizureWithItems = seizure.id;
  }

  // Seven wholesalers of this agency, the hub among them; seven suppliers found by one search.
  const wholesalers = [];
  for (let i = 0; i < ROWS; i++) wholesalers.push(await makeSupplier(app, officer, { role: 'WHOLESALER', name: `Tallowmere Traders ${i}` }));
  hub = wholesalers[0].id;
  const searchNames = ['Brennavik Chandlery', 'Brennavik Chandlery', 'Brennavik Chandlery GmbH', 'Brenavik Chandlery', 'Brennavik Chandlers', 'Chandlery Brennavik', 'Brennavik Chandlery Export'];
  for (const name of searchNames) await makeSupplier(app, officer, { role: 'RETAILER', name });
  for (let i = 1; i <= ROWS; i++) {
    await makeMovement(app, officer, wholesalers[i % ROWS === 0 ? 1 : i], { id: hub }, { documentRef: `IN-${i}` });
    await makeMovement(app, officer, { id: hub }, wholesalers[i % ROWS === 0 ? 1 : i], { documentRef: `OUT-${i}` });
  }
}, 120_000);
afterAll(() => app.stop());

describe.each(LISTS.map((list) => [list.name, list] as const))('%s', (_name, list) => {
  let all: Connection;
  beforeAll(async () => {
    all = await pageOf(list, { first: 100 });
  });

  it(`holds ${ROWS} rows to page through`, () => {
    expect(all.edges).toHaveLength(ROWS);
    expect(all.totalCount).toBe(ROWS);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    expectCursorsAtTheEdges(all);
  });

  it('pages forwards with first/after through every row, in order, with pageInfo right at both ends', async () => {
    const seen: string[] = [];
    const pages: Connection[] = [];
    let after: string | null = null;
    do {
      const page: Connection = await pageOf(list, { first: 2, after });
      pages.push(page);
      seen.push(...idsOf(page));
      expectCursorsAtTheEdges(page);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after && pages.length < 10);
    expect(seen).toEqual(idsOf(all));
    expect(pages.map((p) => p.edges.length)).toEqual([2, 2, 2, 1]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([true, true, true, false]);
    // Behind a page that starts after a row still in the list, rows precede it.
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([false, true, true, true]);
    expect(pages[0].pageInfo.startCursor).toBe(all.pageInfo.startCursor);
    expect(pages[3].pageInfo.endCursor).toBe(all.pageInfo.endCursor);
    for (const page of pages) expect(page.totalCount).toBe(ROWS);
  });

  it('pages backwards with last/before through every row, each page in the list order, with pageInfo right at both ends', async () => {
    const seen: string[] = [];
    const pages: Connection[] = [];
    let before: string | null = null;
    do {
      const page: Connection = await pageOf(list, { last: 2, before });
      pages.push(page);
      seen.unshift(...idsOf(page));
      expectCursorsAtTheEdges(page);
      before = page.pageInfo.hasPreviousPage ? page.pageInfo.startCursor : null;
    } while (before && pages.length < 10);
    expect(seen).toEqual(idsOf(all));
    expect(pages.map((p) => p.edges.length)).toEqual([2, 2, 2, 1]);
    expect(pages.map((p) => p.pageInfo.hasPreviousPage)).toEqual([true, true, true, false]);
    expect(pages.map((p) => p.pageInfo.hasNextPage)).toEqual([false, true, true, true]);
    expect(pages[0].pageInfo.endCursor).toBe(all.pageInfo.endCursor);
    expect(pages[3].pageInfo.startCursor).toBe(all.pageInfo.startCursor);
  });

  it('reads the rows between two cursors, from either end', async () => {
    const [, second, , , , sixth] = all.edges;
    const inside = idsOf(all).slice(2, 5);
    const forwards = await pageOf(list, { first: 10, after: second.cursor, before: sixth.cursor });
    const backwards = await pageOf(list, { last: 10, after: second.cursor, before: sixth.cursor });
    expect(idsOf(forwards)).toEqual(inside);
    expect(idsOf(backwards)).toEqual(inside);
    expect(forwards.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(backwards.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  });

  it('answers an empty page that still tells what lies on either side', async () => {
    expect((await pageOf(list, { last: 0 })).pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
    expect((await pageOf(list, { first: 2, after: all.pageInfo.endCursor })).pageInfo)
      .toEqual({ hasNextPage: false, hasPreviousPage: true, startCursor: null, endCursor: null });
    expect((await pageOf(list, { last: 2, before: all.pageInfo.startCursor })).pageInfo)
      .toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: null, endCursor: null });
  });

  it.each([
    ['first with last', { first: 2, last: 2 }, ['first', 'last']],
    ['last over 100', { last: 101 }, ['last']],
    ['a negative last', { last: -1 }, ['last']],
  ])('refuses %s with BAD_USER_INPUT naming the arguments', async (_case, paging, named) => {
    const res = await ask(list, paging);
    expect(res.status).toBe(200);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
    for (const argument of named) expect(res.body.errors![0].message).toContain(`\`${argument}\``);
  });

  describe('malformed cursors', () => {
    const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8').toString('base64url');
    const isTime = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v);
    const isUuid = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f-]{27}$/.test(v);
    const isNumber = (v: unknown) => typeof v === 'number' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));
    const typeOf = (v: unknown) => (isTime(v) ? 'time' : isUuid(v) ? 'uuid' : isNumber(v) ? 'number' : 'word');

    /** Cursors a client could send instead of the real one: each damages one thing. */
    function damaged(real: string): Array<[string, string]> {
      const [kind, ...key] = JSON.parse(Buffer.from(real, 'base64url').toString('utf8')) as [string, ...unknown[]];
      expect(key.map(typeOf)).toEqual(list.key);
      const replacing = (is: (v: unknown) => boolean, value: unknown) => b64([kind, ...key.map((v) => (is(v) ? value : v))]);
      const variants: Array<[string, string]> = [
        ['of another list', b64(['seizure-of-someone-else', ...key])],
        ['with a key too short', b64([kind, ...key.slice(0, -1)])],
        ['with a key too long', b64([kind, ...key, key[0]])],
        ['that is not base64 JSON', 'not*a*cursor'],
        ['that is base64 of text', b64('seizures after 2025-06-01')],
        ['that is base64 of a JSON object', b64({ kind, key })],
      ];
      if (list.key.includes('time')) {
        variants.push(['with a time that is no instant', replacing(isTime, '2026-13-45T99:00:00Z')]);
        variants.push(['with a word for a time', replacing(isTime, 'yesterday')]);
      }
      if (list.key.includes('uuid')) variants.push(['with an id that is not a uuid', replacing(isUuid, 'not-a-uuid')]);
      if (list.key.includes('number')) {
        variants.push(['with a number that is not one', replacing(isNumber, 'lots')]);
        variants.push(['with a number out of range', replacing(isNumber, typeof key.find(isNumber) === 'number' ? -1 : '1e999')]);
      }
      if (list.key.includes('word')) variants.push(['of another search', replacing((v) => typeOf(v) === 'word', 'another-search')]);
      return variants;
    }

    it.each(['after', 'before'] as const)('are refused as `%s` with BAD_USER_INPUT naming it, never a fault', async (argument) => {
      const variants = damaged(all.edges[3].cursor);
      expect(variants.length).toBeGreaterThanOrEqual(7);
      for (const [what, cursor] of variants) {
        const res = await ask(list, argument === 'after' ? { first: 2, after: cursor } : { last: 2, before: cursor });
        const error = res.body.errors?.[0];
        expect({ what, status: res.status, code: error?.extensions?.code, argument: error?.extensions?.argument })
          .toEqual({ what, status: 200, code: 'BAD_USER_INPUT', argument });
        expect(error!.message).toContain(`\`${argument}\``);
      }
    });
  });
});

describe('seizures in the order the contract gives', () => {
  it('newest first, ties on the same instant broken the same way forwards and backwards', async () => {
    const list = LISTS[0];
    const query = `query (${PAGE_VARIABLES}) { seizures(filter: { agency: ["${agency.code}"] }, ${PAGE_ARGUMENTS}) { nodes { reference } } }`;
    const read = async (paging: Record<string, unknown>) => (await app.graphql(list.token(), query, paging)).body.data.seizures.nodes.map((n: any) => n.reference);
    const all = await read({ first: 100 });
    expect(all.slice(0, 2)).toEqual(['FR-PG-6', 'FR-PG-5']);
    expect(all.slice(2, 5).sort()).toEqual(['FR-PG-2', 'FR-PG-3', 'FR-PG-4']);
    expect(all.slice(5)).toEqual(['FR-PG-1', 'FR-PG-0']);
    expect(await read({ last: 4 })).toEqual(all.slice(3));
  });
});
