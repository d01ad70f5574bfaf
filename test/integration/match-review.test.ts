import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let mine: TestAgency;
let officer: string;
let analyst: string;

const REVIEW = `query ($filter: MatchReviewFilter, $first: Int, $after: String, $last: Int, $before: String) {
  matchReview(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node {
      item { id serialNumber batchNumber kind seizure { agency { code } } }
      match { basis score status item { id serialNumber seizure { agency { code } } } restricted { agency { code } jurisdiction handling } }
    } }
  }
}`;

async function review(token: string, variables: Record<string, unknown> = {}) {
  const res = await app.graphql(token, REVIEW, variables);
  return res.body;
}

const serials = (body: any) => body.data.matchReview.edges.map((e: any) => `${e.node.item.serialNumber ?? e.node.item.batchNumber}>${e.node.match.item?.serialNumber ?? e.node.match.restricted?.agency.code}`);

beforeAll(async () => {
  app = await TestApp.start();
  mine = await makeAgency(app, { jurisdiction: 'FR', name: 'Brigade de Gravelines (test)' });
  officer = await mine.token([Role.OFFICER]);
  analyst = await mine.token([Role.ANALYST], 'analyst.review');
});
afterAll(() => app.stop());

describe('matchReview', () => {
  it('lists the SUGGESTED matches of the agency\'s items, highest score first, then newest', async () => {
    const other = await makeAgency(app, { jurisdiction: 'BE' });
    const theirs = await other.token([Role.OFFICER]);
    const run = Date.now().toString(36).toUpperCase();
    // Older exact match, then a newer exact match, then a fuzzy one (I read for 1).
    await makeSeizure(app, theirs, { items: [{ kind: 'ENGINE', serialNumber: `RV${run}-1111111` }] });
    await makeSeizure(app, officer, { items: [{ kind: 'ENGINE', serialNumber: `RV${run}-1111111` }] });
    await makeSeizure(app, theirs, { items: [{ kind: 'ENGINE', serialNumber: `RV${run}-2222222` }] });
    await makeSeizure(app, officer, { items: [{ kind: 'ENGINE', serialNumber: `RV${run}-2222222` }] });
    await makeSeizure(app, theirs, { items: [{ kind: 'ENGINE', serialNumber: `RV${run}-3333331` }] });
    await makeSeizure(app, officer, { items: [{ kind: 'ENGINE', serialNumber: `RV${run}-333333I` }] });
    // Matches between two other agencies' items are not this agency's to review.
    const third = await makeAgency(app, { jurisdiction: 'NL' });
    await makeSeizure(app, await third.token([Role.OFFICER]), { items: [{ kind: 'ENGINE', serialNumber: `RV${run}-1111111` }] });

    const body = await review(analyst, { filter: { basis: ['SAME_SERIAL'] } });
    expect(body.errors).toBeUndefined();
    const page = body.data.matchReview;
    // The first serial also matches the third agency's engine (recorded last: newest first among the exact ones).
    expect(serials(body)).toEqual([
      `RV${run}-1111111>RV${run}-1111111`,
      `RV${run}-2222222>RV${run}-2222222`,
      `RV${run}-1111111>RV${run}-1111111`,
      `RV${run}-333333I>RV${run}-3333331`,
    ]);
    expect(page.edges.map((e: any) => e.node.match.item.seizure.agency.code)).toEqual([third.code, other.code, other.code, other.code]);
    expect(page.edges.every((e: any) => e.node.item.seizure.agency.code === mine.code && e.node.match.status === 'SUGGESTED')).toBe(true);
    expect(page.edges[3].node.match.score).toBeGreaterThan(0);
    expect(page.edges[3].node.match.score).toBeLessThan(1);
    expect(page.totalCount).toBe(4);
  });

  it('pages by keyset forwards and backwards, without repeats, and filters by kind, basis and score', async () => {
    const all = (await review(analyst, { first: 100 })).data.matchReview;
    expect(all.edges.length).toBeGreaterThanOrEqual(4);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (await review(analyst, { first: 1, after })).data.matchReview;
      seen.push(...page.edges.map((e: any) => e.cursor));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e: any) => e.cursor));
    const back = (await review(analyst, { last: 2 })).data.matchReview;
    expect(back.edges.map((e: any) => e.cursor)).toEqual(all.edges.slice(-2).map((e: any) => e.cursor));
    expect(back.pageInfo.hasPreviousPage).toBe(true);

    expect((await review(analyst, { filter: { kind: ['LIFE_JACKET'] } })).data.matchReview.edges).toEqual([]);
    const exact = (await review(analyst, { filter: { minScore: 1 } })).data.matchReview;
    expect(exact.edges.length).toBe(3);
    const fuzzy = (await review(analyst, { filter: { maxScore: 0.99 } })).data.matchReview;
    expect(fuzzy.edges.map((e: any) => e.node.match.score < 1)).toEqual([true]);
    expect((await review(analyst, { filter: { basis: ['SAME_BATCH'] } })).data.matchReview.totalCount).toBe(0);
  });

  it('leaves decided matches out by default and shows them when asked for', async () => {
    const before = (await review(analyst, { filter: { minScore: 1 } })).data.matchReview.edges;
    const decided = before[0].node;
    const res = await app.graphql(analyst, `mutation ($input: ItemMatchDecideInput!) { itemMatchDecide(input: $input) { userErrors { code } } }`, {
      input: { itemId: decided.item.id, otherItemId: decided.match.item.id, status: 'CONFIRMED' },
    });
    expect(res.body.data.itemMatchDecide.userErrors).toEqual([]);
    const after = (await review(analyst, { filter: { minScore: 1 } })).data.matchReview;
    expect(after.totalCount).toBe(before.length - 1);
    const confirmed = (await review(analyst, { filter: { status: ['CONFIRMED'] } })).data.matchReview.edges;
    expect(confirmed.map((e: any) => [e.node.item.id, e.node.match.item.id, e.node.match.status])).toEqual([[decided.item.id, decided.match.item.id, 'CONFIRMED']]);
  });

  it('shows a match to a record the caller may not read as a restricted hit (owner, jurisdiction, handling), audited; TLP_RED gives none', async () => {
    const strict = await makeAgency(app, { jurisdiction: 'GB', name: 'Border unit of Dover (test)' });
    const run = Date.now().toString(36).toUpperCase();
    await makeSeizure(app, await strict.token([Role.OFFICER]), { handling: 'TLP_AMBER_STRICT', items: [{ kind: 'LIFE_JACKET', batchNumber: `LJ-${run}` }] });
    await makeSeizure(app, await strict.token([Role.OFFICER]), { handling: 'TLP_RED', items: [{ kind: 'LIFE_JACKET', batchNumber: `LJ-${run}` }] });
    await makeSeizure(app, officer, { items: [{ kind: 'LIFE_JACKET', batchNumber: `LJ-${run}`, quantity: 120 }] });

    const body = await review(analyst, { filter: { kind: ['LIFE_JACKET'] } });
    expect(body.data.matchReview.edges.map((e: any) => e.node.match)).toEqual([
      { basis: 'SAME_BATCH', score: 1, status: 'SUGGESTED', item: null, restricted: { agency: { code: strict.code }, jurisdiction: 'GB', handling: 'TLP_AMBER_STRICT' } },
    ]);
    const events = await app.query(`SELECT operation, outcome FROM audit_event WHERE actor = $1 AND operation = 'matchReview'`, ['analyst.review']);
    expect(events).toEqual([{ operation: 'matchReview', outcome: 'SUCCESS' }]);

    // The cursor of a hit pages like any other.
    const first = body.data.matchReview.edges[0].cursor;
    expect((await review(analyst, { filter: { kind: ['LIFE_JACKET'] }, after: first })).data.matchReview.edges).toEqual([]);
  });

  it('is for ANALYSTs only', async () => {
    const body = await review(officer);
    expect(body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(body.data).toBeNull();
  });

  it('refuses a malformed cursor as BAD_USER_INPUT', async () => {
    const forged = Buffer.from(JSON.stringify(['MatchReview', '1', 'not-a-time', 'x', 'y'])).toString('base64url');
    for (const after of ['nonsense', forged, Buffer.from('["Seizure","2020-01-01T00:00:00.000Z","00000000-0000-0000-0000-000000000000"]').toString('base64url')]) {
      const body = await review(analyst, { after });
      expect(body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});
