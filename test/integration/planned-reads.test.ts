// A planned read answers exactly what the field-by-field read does: the same demo data (with a
// TLP_CLEAR seizure added, so that every handling code is there) read through two servers on
// one database, one planning its reads and one not, by every demo caller, with every field of
// a seizure and its items, pages both ways, and lookups of every seizure (readable or not).
import { Role } from '../../src/auth/roles';
import { demoAgencies, demoSeizures } from '../../src/demo/demo-data';
import { seedDemoDataIfEmpty } from '../../src/demo/seed';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { makeSeizure } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

let planned: TestApp;
let fieldByField: TestApp;

const SEIZURE_FIELDS = `
  __typename id reference jurisdiction seizedAt handling notes recordedAt updatedAt version
  location { description latitude longitude } sharedWith { code } agency { id code name jurisdiction }
  route { country mode place }
`;
const ITEM_FIELDS = `
  __typename id kind make model serialNumber hin batchNumber identifier markDamaged quantity condition description
  capacityLitres position recordedAt
  boat { lengthMetres hullMaterial colour capacityPersons } engine { powerHp stroke fuel }
  lifeJacket { standardClaimed ceMarked notifiedBody size buoyancyNewtons foundDangerous }
  seizure { reference agency { code } }
  matches { score status basis item { id reference: seizure { reference } } restricted { agency { code } jurisdiction handling } }
`;
const PAGE_INFO = 'pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

const LIST = `query ($first: Int, $last: Int, $after: String, $before: String) {
  seizures(first: $first, last: $last, after: $after, before: $before) {
    totalCount ${PAGE_INFO}
    edges { cursor node { ${SEIZURE_FIELDS} items(first: 2) { totalCount ${PAGE_INFO} edges { cursor node { ${ITEM_FIELDS} } } } } }
  }
}`;
const LIST_ITEMS_BACKWARDS = `{
  seizures(first: 100) { nodes { reference firstLine: items(last: 1) { ${PAGE_INFO} nodes { position kind } } } }
}`;
const ITEMS = `query ($filter: ItemFilter, $first: Int) {
  items(filter: $filter, first: $first) {
    totalCount ${PAGE_INFO}
    nodes {
      ${ITEM_FIELDS.replace('seizure { reference agency { code } }', '')}
      seizure { ${SEIZURE_FIELDS} items(first: 2) { totalCount nodes { id position } } }
    }
  }
}`;
// Cursors of items whose selection names none of the columns they are made of.
const ITEM_CURSORS = `{ items(first: 5) { ${PAGE_INFO} edges { cursor node { kind } } } }`;
// Two aliases of the seizure: left to the field resolvers.
const ITEMS_TWO_SEIZURES = `{ items(first: 50) { nodes { id seizure { reference } holder: seizure { agency { code } notes } } } }`;
const LOOKUP = `query ($id: ID!) {
  seizure(id: $id) { ${SEIZURE_FIELDS} items(first: 10) { totalCount ${PAGE_INFO} nodes { ${ITEM_FIELDS} } } }
}`;

beforeAll(async () => {
  planned = await TestApp.start();
  await seedDemoDataIfEmpty(planned.dataSource);
  const officer = await planned.token({ sub: demoSeizures[0].subject, agency: demoSeizures[0].agency, roles: [Role.OFFICER] });
  await makeSeizure(planned, officer, {
    reference: 'FR-PAF-2025-CLEAR', handling: 'TLP_CLEAR', notes: 'Published with the joint report.',
    location: { description: 'Plage de la Slack', latitude: 50.8125, longitude: 1.6031 },
    items: [
      { kind: 'ENGINE', make: 'Velmont Marine', serialNumber: '6G5-7700001', engine: { powerHp: 40.5, stroke: 2, fuel: 'PETROL' } },
      { kind: 'FUEL_CONTAINER', quantity: 6, capacityLitres: 22.5 },
      { kind: 'LIFE_JACKET', batchNumber: 'LJ-CLEAR-1', quantity: 30, lifeJacket: { ceMarked: false, buoyancyNewtons: 100 } },
    ],
  });
  const url = (planned.dataSource.options as { url: string }).url;
  fieldByField = await TestApp.start({ plannedReads: false, database: { url, drop: async () => undefined } });
});
afterAll(async () => {
  await fieldByField?.stop();
  await planned?.stop();
});

/** Every demo caller: each recorder (who alone reads their TLP_RED records), and someone else at each agency. */
const callers = [
  ...new Map(demoSeizures.map((s) => [`${s.agency} ${s.subject}`, { agency: s.agency, sub: s.subject }])).values(),
  ...demoAgencies.map((a) => ({ agency: a.code, sub: 'analyst.elsewhere' })),
];

/** The same request to both servers: both answers, which must be equal. */
async function both(sub: string, agency: string, query: string, variables: Record<string, unknown> = {}) {
  const answers = [];
  for (const app of [planned, fieldByField]) {
    const res = await app.graphql(await app.token({ sub, agency, roles: [Role.OFFICER, Role.ANALYST] }), query, variables);
    expect(res.status).toBe(200);
    answers.push(res.body);
  }
  // Each request has its own id; everything else must be the same.
  const withoutRequestIds = (body: any) => JSON.parse(JSON.stringify(body, (key, value) => (key === 'requestId' ? undefined : value)));
  expect(withoutRequestIds(answers[0])).toEqual(withoutRequestIds(answers[1]));
  return answers[0];
}

describe('a planned read answers as the field-by-field read', () => {
  it.each(callers)('for $sub of $agency: a page of seizures with every field, their first items and matches, forwards and backwards', async ({ sub, agency }) => {
    const first = await both(sub, agency, LIST, { first: 3 });
    expect(first.errors).toBeUndefined();
    const { endCursor } = first.data.seizures.pageInfo;
    if (endCursor) {
      const next = await both(sub, agency, LIST, { first: 3, after: endCursor });
      await both(sub, agency, LIST, { last: 2, before: next.data.seizures.pageInfo.endCursor ?? endCursor });
    }
    await both(sub, agency, LIST, { first: 100 });
    await both(sub, agency, LIST_ITEMS_BACKWARDS);
  });

  it.each(callers)('for $sub of $agency: items, all of them and by identifier, with their seizures', async ({ sub, agency }) => {
    const all = await both(sub, agency, ITEMS, { first: 100 });
    expect(all.errors).toBeUndefined();
    for (const identifier of ['6G5-1234567', 'at lj 2403', 'CN-ZQX40229-B5-25']) await both(sub, agency, ITEMS, { filter: { identifier } });
    await both(sub, agency, ITEMS_TWO_SEIZURES);
    expect((await both(sub, agency, ITEM_CURSORS)).errors).toBeUndefined();
  });

  it('for a lookup of every seizure, readable or not, by every caller; and between them every handling code is read', async () => {
    const ids: Array<{ id: string }> = await planned.query(`SELECT id FROM seizure ORDER BY reference`);
    const handlingRead = new Set<string>();
    for (const { sub, agency } of callers) {
      for (const { id } of ids) {
        const answer = await both(sub, agency, LOOKUP, { id: toGlobalId('Seizure', id) });
        if (answer.data.seizure) handlingRead.add(answer.data.seizure.handling);
      }
    }
    expect([...handlingRead].sort()).toEqual(['TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_CLEAR', 'TLP_GREEN', 'TLP_RED']);
  });

  it('with the same refusal for a bad cursor of the nested items, and the rest of the answer', async () => {
    const answer = await both(demoSeizures[0].subject, demoSeizures[0].agency, `{ seizures(first: 2) { nodes { reference items(after: "not-a-cursor") { nodes { id } } } } }`);
    expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
