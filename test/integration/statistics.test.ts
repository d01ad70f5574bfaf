// seizureStats and seizureTrends: every grouping, UTC periods, folded makes, zero-filled and
// ranked trends, refusals, and counts that never include what a list would not show.
import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

const STATS = `query ($filter: SeizureFilter, $groupBy: [StatsDimension!]!) {
  seizureStats(filter: $filter, groupBy: $groupBy) {
    total { key { dimension value } seizures items quantity }
    buckets { key { dimension value } seizures items quantity }
  }
}`;
const TRENDS = `query ($filter: SeizureFilter, $by: [StatsDimension!], $interval: StatsInterval, $first: Int) {
  seizureTrends(filter: $filter, by: $by, interval: $interval, first: $first) {
    key { dimension value } change points { period seizures items quantity }
  }
}`;

let app: TestApp;
let fr: TestAgency;
let be: TestAgency;
let de: TestAgency;
let frToken: string;

/** A bucket as the test writes it: key values joined by '/', then seizures, items, quantity. */
const row = (bucket: any) => `${bucket.key.map((k: any) => k.value).join('/')}: ${bucket.seizures} ${bucket.items} ${bucket.quantity}`;

async function stats(groupBy: string[], filter: Record<string, unknown> = {}, token = frToken) {
  const res = await app.graphql(token, STATS, { groupBy, filter: { agency: [fr.code, be.code, de.code], ...filter } });
  if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
  return res.body.data.seizureStats;
}

beforeAll(async () => {
  app = await TestApp.start();
  fr = await makeAgency(app, { jurisdiction: 'FR' });
  be = await makeAgency(app, { jurisdiction: 'BE' });
  de = await makeAgency(app, { jurisdiction: 'DE' });
  frToken = await fr.token([Role.ANALYST]);
  // Five seizures whose counts are worked out by hand below.
  await makeSeizure(app, await fr.token(), {
    seizedAt: '2026-01-10T08:00:00Z',
    items: [
      { kind: 'ENGINE', make: 'VELMONT MARINE', serialNumber: 'STA-E-0001' },
      { kind: 'ENGINE', make: 'Velmont Marine Co., Ltd.', serialNumber: 'STA-E-0002' },
      { kind: 'LIFE_JACKET', make: 'Velmont Marine', quantity: 600 },
    ],
  });
  await makeSeizure(app, await fr.token(), {
    seizedAt: '2026-01-20T08:00:00Z',
    jurisdiction: 'BE',
    items: [
      { kind: 'BOAT', make: 'Kestrel Boats' },
      { kind: 'ENGINE', make: 'Velmont Marine', serialNumber: 'STA-E-0003' },
    ],
  });
  await makeSeizure(app, await be.token(), {
    seizedAt: '2026-02-03T08:00:00Z',
    items: [{ kind: 'LIFE_JACKET', quantity: 200 }, { kind: 'PUMP', make: 'Velmont Marine', quantity: 2 }],
  });
  // 23:30 UTC on 31 March is already April in Berlin: periods are UTC.
  await makeSeizure(app, await de.token(), {
    seizedAt: '2026-04-01T01:30:00+02:00',
    items: [{ kind: 'FUEL_CONTAINER', make: 'KESTREL BOATS', quantity: 10 }],
  });
  // A Sunday: ISO week 53 of 2020, in January 2021; and 30 December 2025 is in ISO week 1 of 2026.
  await makeSeizure(app, await de.token(), { seizedAt: '2021-01-03T12:00:00Z', items: [{ kind: 'OTHER', quantity: 1 }] });
  await makeSeizure(app, await de.token(), { seizedAt: '2025-12-30T12:00:00Z', items: [{ kind: 'OTHER', quantity: 3 }] });
});
afterAll(() => app.stop());

describe('seizureStats', () => {
  it('counts distinct seizures, item lines and quantities in total, and one bucket for no dimension', async () => {
    const answer = await stats([]);
    expect(row(answer.total)).toBe(': 6 10 820');
    expect(answer.buckets.map(row)).toEqual([': 6 10 820']);
  });

  it('groups by jurisdiction and by agency, most seizures first, then by key', async () => {
    expect((await stats(['JURISDICTION'])).buckets.map(row)).toEqual(['DE: 3 3 14', 'BE: 2 4 204', 'FR: 1 3 602']);
    expect((await stats(['AGENCY'])).buckets.map(row)).toEqual([`${de.code}: 3 3 14`, `${fr.code}: 2 5 604`, `${be.code}: 1 2 202`]);
  });

  it('counts an item kind\'s own items, and the seizures holding at least one', async () => {
    expect((await stats(['ITEM_KIND'])).buckets.map(row)).toEqual([
      'ENGINE: 2 3 3', 'LIFE_JACKET: 2 2 800', 'OTHER: 2 2 4', 'BOAT: 1 1 1', 'FUEL_CONTAINER: 1 1 10', 'PUMP: 1 1 2',
    ]);
  });

  it('groups makes folded as supplier names are, shown as the most frequent spelling (ties: alphabetical), no make as ""', async () => {
    expect((await stats(['MAKE'])).buckets.map(row)).toEqual([
      // Items without a make, then (as many seizures, later by key) the Velmont group: "Velmont
      // Marine" three times, "VELMONT MARINE" and "Velmont Marine Co., Ltd." once each.
      ': 3 3 204',
      'Velmont Marine: 3 5 605',
      // "Kestrel Boats" and "KESTREL BOATS" once each.
      'KESTREL BOATS: 2 2 11',
    ]);
  });

  it('reads months and ISO weeks in UTC', async () => {
    expect((await stats(['MONTH'])).buckets.map(row)).toEqual([
      '2026-01: 2 5 604', '2021-01: 1 1 1', '2025-12: 1 1 3', '2026-02: 1 2 202', '2026-03: 1 1 10',
    ]);
    expect((await stats(['WEEK'])).buckets.map(row)).toEqual([
      '2020-W53: 1 1 1', '2026-W01: 1 1 3', '2026-W02: 1 3 602', '2026-W04: 1 2 2', '2026-W06: 1 2 202', '2026-W14: 1 1 10',
    ].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('groups by three dimensions at once', async () => {
    expect((await stats(['AGENCY', 'ITEM_KIND', 'MONTH'])).buckets.map(row)).toEqual([
      `${be.code}/LIFE_JACKET/2026-02: 1 1 200`, `${be.code}/PUMP/2026-02: 1 1 2`,
      `${de.code}/FUEL_CONTAINER/2026-03: 1 1 10`, `${de.code}/OTHER/2021-01: 1 1 1`, `${de.code}/OTHER/2025-12: 1 1 3`,
      `${fr.code}/BOAT/2026-01: 1 1 1`, `${fr.code}/ENGINE/2026-01: 2 3 3`, `${fr.code}/LIFE_JACKET/2026-01: 1 1 600`,
    ].sort((a, b) => Number(b.includes('ENGINE')) - Number(a.includes('ENGINE')) || (a < b ? -1 : 1)));
  });

  it('takes the seizure filter as the list does, counting only the items of the kinds asked', async () => {
    const engines = await stats(['JURISDICTION'], { itemKind: ['ENGINE'] });
    expect(row(engines.total)).toBe(': 2 3 3');
    expect(engines.buckets.map(row)).toEqual(['BE: 1 1 1', 'FR: 1 2 2']);
    const january = await stats(['MAKE'], { seizedFrom: '2026-01-01T00:00:00Z', seizedTo: '2026-01-31T23:59:59.999Z', jurisdiction: ['FR'] });
    // The spelling is that of the items counted: here three spellings once each, the first alphabetically.
    expect(january.buckets.map(row)).toEqual(['VELMONT MARINE: 1 3 602']);
  });

  it('stays exact under concurrent writes, and a refused write counts nothing', async () => {
    const agency = await makeAgency(app, { jurisdiction: 'PT' });
    const token = await agency.token();
    const quantities = Array.from({ length: 12 }, (_, n) => n + 1);
    await Promise.all(quantities.map((quantity) => makeSeizure(app, token, { items: [{ kind: 'PUMP', quantity }, { kind: 'OTHER' }] })));
    const refused = await app.graphql(token, `mutation ($input: SeizureRecordInput!) { seizureRecord(input: $input) { userErrors { field } } }`, {
      input: { reference: 'STA-REFUSED', seizedAt: '2025-03-01T00:00:00Z', items: [{ kind: 'PUMP', quantity: 5 }, { kind: 'PUMP', quantity: 0 }] },
    });
    expect(refused.body.data.seizureRecord.userErrors).toEqual([{ field: ['input', 'items', '1', 'quantity'] }]);
    const [stored] = await app.query(`SELECT count(*)::int AS lines, sum(i.quantity)::int AS quantity FROM item i JOIN agency a ON a.id = i.agency_id WHERE a.code = $1`, [agency.code]);
    const bySeizures = await stats([], { agency: [agency.code] });
    const byItems = await stats(['ITEM_KIND'], { agency: [agency.code] });
    expect(row(bySeizures.total)).toBe(`: 12 ${stored.lines} ${stored.quantity}`);
    expect(row(byItems.total)).toBe(row(bySeizures.total));
    expect(stored).toEqual({ lines: 24, quantity: 78 + 12 });
  });

  it('refuses more than three dimensions, or one twice, naming the argument', async () => {
    for (const groupBy of [['AGENCY', 'ITEM_KIND', 'MONTH', 'MAKE'], ['MONTH', 'MONTH']]) {
      const res = await app.graphql(frToken, STATS, { groupBy });
      expect(res.body.data).toBeNull();
      expect(res.body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0].message).toContain('groupBy');
    }
  });
});

describe('seizureTrends', () => {
  let trendAgency: TestAgency;
  const may = (n: number) => `2025-0${n}-15T12:00:00Z`;

  beforeAll(async () => {
    trendAgency = await makeAgency(app, { jurisdiction: 'NL' });
    const token = await trendAgency.token();
    // Seizures per month, January to June 2025, per jurisdiction; the change of June against March to May:
    const series: Record<string, number[]> = {
      NL: [0, 0, 1, 1, 1, 4], // (4 − 1) / 1 = 3
      PL: [0, 0, 2, 2, 2, 3], // (3 − 2) / 2 = 0.5
      IT: [0, 0, 1, 1, 1, 0], // (0 − 1) / 1 = −1
      ES: [1, 0, 0, 0, 0, 0], // the mean of March to May is 0: no change
    };
    for (const [jurisdiction, counts] of Object.entries(series)) {
      for (const [month, count] of counts.entries()) {
        for (let n = 0; n < count; n++) {
          await makeSeizure(app, token, { jurisdiction, seizedAt: may(month + 1), items: [{ kind: 'PUMP', quantity: 2 }] });
        }
      }
    }
  });

  const trends = async (variables: Record<string, unknown>) => {
    const res = await app.graphql(frToken, TRENDS, variables);
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data.seizureTrends;
  };

  it('ranks by the rise of the last finished period against the mean of the three before, empty periods as zeros, null change last', async () => {
    const answer = await trends({
      filter: { agency: [trendAgency.code], seizedFrom: '2025-01-01T00:00:00Z', seizedTo: '2025-06-30T23:59:59.999Z' },
      by: ['JURISDICTION'],
    });
    expect(answer.map((t: any) => [t.key[0].value, t.change])).toEqual([['NL', 3], ['PL', 0.5], ['IT', -1], ['ES', null]]);
    expect(answer[0].points.map((p: any) => p.period)).toEqual(['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
    expect(answer[3].points.map((p: any) => [p.seizures, p.items, p.quantity])).toEqual([[1, 1, 2], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0], [0, 0, 0]]);
    const top = await trends({ filter: { agency: [trendAgency.code], seizedFrom: '2025-01-01T00:00:00Z', seizedTo: '2025-06-30T23:59:59.999Z' }, by: ['JURISDICTION'], first: 1 });
    expect(top.map((t: any) => t.key[0].value)).toEqual(['NL']);
  });

  it('keys trends by item-level dimensions too, counting their items', async () => {
    const [trend, ...others] = await trends({
      filter: { agency: [trendAgency.code], seizedFrom: '2025-01-01T00:00:00Z', seizedTo: '2025-06-30T23:59:59.999Z' },
      by: ['ITEM_KIND', 'MAKE'],
    });
    expect(others).toEqual([]);
    expect(trend.key).toEqual([{ dimension: 'ITEM_KIND', value: 'PUMP' }, { dimension: 'MAKE', value: '' }]);
    expect(trend.points.map((p: any) => `${p.seizures}/${p.items}/${p.quantity}`)).toEqual(['1/1/2', '0/0/0', '4/4/8', '4/4/8', '4/4/8', '7/7/14']);
    expect(trend.change).toBe(0.75); // (7 − 4) / 4
  });

  it('leaves a period the span cuts short out of the change: it is unfinished', async () => {
    // June is cut at the 20th: May against February to April.
    const answer = await trends({ filter: { agency: [trendAgency.code], seizedFrom: '2025-01-01T00:00:00Z', seizedTo: '2025-06-20T00:00:00Z' }, by: ['JURISDICTION'] });
    const byKey = Object.fromEntries(answer.map((t: any) => [t.key[0].value, t.change]));
    expect(Object.keys(byKey)).toEqual(['PL', 'IT', 'NL', 'ES']); // equal changes: more seizures in May first, then by key
    for (const key of ['PL', 'IT', 'NL']) expect(byKey[key]).toBeCloseTo(0.5, 9);
    expect(byKey.ES).toBeNull();
    expect(answer[0].points.at(-1)).toMatchObject({ period: '2025-06' });
  });

  it('gives one trend of everything without `by`, in ISO weeks when asked', async () => {
    const answer = await trends({ filter: { agency: [trendAgency.code], seizedFrom: '2025-05-26T00:00:00Z', seizedTo: '2025-06-22T23:59:59.999Z' }, interval: 'WEEK' });
    expect(answer).toHaveLength(1);
    expect(answer[0].key).toEqual([]);
    // 15 June 2025 is a Sunday, in week 24; the four weeks of the span each finished.
    expect(answer[0].points.map((p: any) => `${p.period}:${p.seizures}`)).toEqual(['2025-W22:0', '2025-W23:0', '2025-W24:7', '2025-W25:0']);
    expect(answer[0].change).toBeCloseTo(-1, 9);
  });

  it('spans the last 12 whole periods and the current one by default, the current one left out of the change', async () => {
    const agency = await makeAgency(app, { jurisdiction: 'NL' });
    const token = await agency.token();
    const now = new Date();
    const monthStart = (back: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const label = (date: Date) => date.toISOString().slice(0, 7);
    // One seizure in each of the 4th to 2nd months back, two in the last whole month, five in this one.
    for (const [back, count] of [[4, 1], [3, 1], [2, 1], [1, 2], [0, 5]]) {
      const at = back === 0 ? new Date(Math.max(monthStart(0).getTime(), now.getTime() - 60_000)) : new Date(monthStart(back).getTime() + 86_400_000);
      for (let n = 0; n < count; n++) await makeSeizure(app, token, { seizedAt: at.toISOString(), items: [{ kind: 'OTHER' }] });
    }
    const [trend] = await trends({ filter: { agency: [agency.code] } });
    expect(trend.points).toHaveLength(13);
    expect(trend.points[0].period).toBe(label(monthStart(12)));
    expect(trend.points.at(-1)).toMatchObject({ period: label(monthStart(0)), seizures: 5 });
    expect(trend.change).toBe(1);
  });

  it('refuses a period dimension in `by`, a `first` out of range and a span of more than 520 periods', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ by: ['MONTH'] }, 'by'],
      [{ first: 0 }, 'first'],
      [{ first: 101 }, 'first'],
      [{ interval: 'WEEK', filter: { seizedFrom: '2010-01-01T00:00:00Z', seizedTo: '2025-01-01T00:00:00Z' } }, 'periods'],
    ];
    for (const [variables, named] of cases) {
      const res = await app.graphql(frToken, TRENDS, variables);
      expect(res.body.errors![0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(res.body.errors![0].message).toContain(named);
    }
  });
});

describe('visibility', () => {
  type Handling = 'TLP_CLEAR' | 'TLP_GREEN' | 'TLP_AMBER' | 'TLP_AMBER_STRICT' | 'TLP_RED';
  const HANDLINGS: Handling[] = ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED'];
  let owner: TestAgency;
  let readers: Record<string, string>;

  beforeAll(async () => {
    owner = await makeAgency(app, { jurisdiction: 'FR' });
    const partner = await makeAgency(app, { jurisdiction: 'BE' });
    const outsider = await makeAgency(app, { jurisdiction: 'GB' });
    const recorder = await owner.token([Role.OFFICER], 'officer.recorder');
    readers = {
      recorder,
      colleague: await owner.token([Role.ANALYST], 'analyst.colleague'),
      partner: await partner.token([Role.ANALYST]),
      outsider: await outsider.token([Role.ANALYST]),
    };
    for (const handling of HANDLINGS) {
      await makeSeizure(app, recorder, {
        reference: `VIS-${HANDLINGS.indexOf(handling)}`, handling, sharedWith: handling === 'TLP_AMBER' ? [partner.code] : undefined,
        items: [{ kind: 'LIFE_JACKET', quantity: 50 }, { kind: 'ENGINE' }],
      });
    }
  });

  const COMPARE = `query ($filter: SeizureFilter, $groupBy: [StatsDimension!]!) {
    seizures(filter: $filter) { totalCount }
    seizureStats(filter: $filter, groupBy: $groupBy) { total { seizures items } buckets { seizures } }
    seizureTrends(filter: $filter, by: [AGENCY], first: 100) { points { seizures } }
  }`;

  it('counts exactly what seizures(filter).totalCount counts, for every handling code and every reader', async () => {
    const seen: Record<string, number[]> = {};
    for (const [reader, token] of Object.entries(readers)) {
      seen[reader] = [];
      for (const handling of HANDLINGS) {
        const filter = { agency: [owner.code], reference: `VIS-${HANDLINGS.indexOf(handling)}`, seizedFrom: '2025-01-01T00:00:00Z', seizedTo: '2025-12-31T23:59:59.999Z' };
        const res = await app.graphql(token, COMPARE, { filter, groupBy: ['ITEM_KIND'] });
        expect(res.body.errors).toBeUndefined();
        const { seizures, seizureStats, seizureTrends } = res.body.data;
        expect(seizureStats.total.seizures).toBe(seizures.totalCount);
        expect(seizureStats.total.items).toBe(2 * seizures.totalCount);
        expect(seizureStats.buckets.map((b: any) => b.seizures)).toEqual(seizures.totalCount ? [1, 1] : []);
        const trended = seizureTrends.flatMap((t: any) => t.points).reduce((sum: number, p: any) => sum + p.seizures, 0);
        expect(trended).toBe(seizures.totalCount);
        seen[reader].push(seizures.totalCount);
      }
    }
    // The lists themselves follow the rule: CLEAR, GREEN, AMBER, AMBER_STRICT, RED.
    expect(seen).toEqual({ recorder: [1, 1, 1, 1, 1], colleague: [1, 1, 1, 1, 0], partner: [1, 1, 1, 0, 0], outsider: [1, 1, 0, 0, 0] });
  });

  it('refuses a caller whose agency is not registered, as the list does', async () => {
    const token = await app.token({ sub: 'analyst.x', agency: 'NOT-REGISTERED', roles: [Role.ANALYST] });
    const res = await app.graphql(token, COMPARE, { filter: { agency: [owner.code] }, groupBy: [] });
    expect(res.body.data).toBeNull();
    expect(res.body.errors!.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    for (const field of ['seizureStats', 'seizureTrends', 'topSuppliers']) {
      const alone = await app.graphql(token, `{ ${field}${field === 'seizureStats' ? '(groupBy: [])' : ''} { __typename } }`);
      expect(alone.body.errors![0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});
