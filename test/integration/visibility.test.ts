// Who reads what (the public contract's visibility), on every read path of seizures and items.
// OWNER's officer A records one seizure per handling code; four callers then try every path.
import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure, recordSeizure, seizureInput } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

type Handling = 'TLP_CLEAR' | 'TLP_GREEN' | 'TLP_AMBER' | 'TLP_AMBER_STRICT' | 'TLP_RED';
type Reader = 'A' | 'B' | 'PARTNER' | 'OUTSIDER';

const HANDLINGS: Handling[] = ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED'];
const READERS: Reader[] = ['A', 'B', 'PARTNER', 'OUTSIDER'];

/** The rule under test: A recorded them all; B is another user of OWNER; PARTNER is in sharedWith. */
const READERS_OF: Record<Handling, Reader[]> = {
  TLP_CLEAR: ['A', 'B', 'PARTNER', 'OUTSIDER'],
  TLP_GREEN: ['A', 'B', 'PARTNER', 'OUTSIDER'],
  TLP_AMBER: ['A', 'B', 'PARTNER'],
  TLP_AMBER_STRICT: ['A', 'B'],
  TLP_RED: ['A'],
};
const visibleTo = (reader: Reader) => HANDLINGS.filter((h) => READERS_OF[h].includes(reader));

// Distinctive per run, so filters find only what this file recorded.
const RUN = Math.random().toString(36).slice(2, 7).toUpperCase();
const MAKE = `Vistest Marine ${RUN}`;
const TAG: Record<Handling, string> = { TLP_CLEAR: 'CLR', TLP_GREEN: 'GRN', TLP_AMBER: 'AMB', TLP_AMBER_STRICT: 'AMS', TLP_RED: 'RED' };
const referenceOf = (h: Handling) => `VIS-${RUN}-${TAG[h]}`;
const serialsOf = (h: Handling) => [`VIS-${RUN}-${TAG[h]}-E1`, `VIS-${RUN}-${TAG[h]}-P2`];

interface Recorded {
  id: string;
  reference: string;
  items: Array<{ id: string; serialNumber: string }>;
}

let app: TestApp;
let owner: TestAgency;
let partner: TestAgency;
let outsider: TestAgency;
let tokens: Record<Reader, string>;
let unregistered: string;
const recorded = {} as Record<Handling, Recorded>;

beforeAll(async () => {
  app = await TestApp.start();
  owner = await makeAgency(app, { jurisdiction: 'FR' });
  partner = await makeAgency(app, { jurisdiction: 'BE' });
  outsider = await makeAgency(app, { jurisdiction: 'GB' });
  tokens = {
    A: await owner.token([Role.OFFICER], 'officer.a'),
    B: await owner.token([Role.OFFICER, Role.ANALYST], 'analyst.b'),
    PARTNER: await partner.token(),
    OUTSIDER: await outsider.token(),
  };
  unregistered = await app.token({ sub: 'officer.x', agency: `NOPE-${RUN}`, roles: [Role.OFFICER] });
  for (const handling of HANDLINGS) {
    const [engine, pump] = serialsOf(handling);
    const seizure = await makeSeizure(app, tokens.A, {
      reference: referenceOf(handling),
      handling,
      sharedWith: handling === 'TLP_AMBER' ? [partner.code] : undefined,
      items: [
        { kind: 'ENGINE', make: MAKE, serialNumber: engine },
        { kind: 'PUMP', make: MAKE, serialNumber: pump },
      ],
    });
    recorded[handling] = { id: seizure.id, reference: seizure.reference, items: seizure.items.nodes };
  }
});
afterAll(() => app.stop());

/** Every single-record read path at once: lookups, node(), lists filtered down to this record, nested fields. */
const READ_PATHS = `query ($seizureId: ID!, $itemId: ID!, $reference: String!, $identifier: String!) {
  seizure(id: $seizureId) { id reference items(first: 10) { totalCount nodes { id serialNumber seizure { id } } } }
  seizureNode: node(id: $seizureId) { id ... on Seizure { reference } }
  itemNode: node(id: $itemId) { id ... on Item { serialNumber } }
  item(id: $itemId) { id serialNumber seizure { id reference } }
  byReference: seizures(filter: { reference: $reference }) { totalCount nodes { id items { totalCount } } }
  byIdentifier: items(filter: { identifier: $identifier }) { totalCount nodes { id seizure { id reference } } }
}`;

/** What READ_PATHS answers for a seizure the caller reads, or for one they may not. */
function expectedReadPaths(s: Recorded, visible: boolean) {
  const [first, second] = s.items;
  if (!visible) {
    return {
      seizure: null, seizureNode: null, itemNode: null, item: null,
      byReference: { totalCount: 0, nodes: [] },
      byIdentifier: { totalCount: 0, nodes: [] },
    };
  }
  return {
    seizure: {
      id: s.id,
      reference: s.reference,
      items: { totalCount: 2, nodes: s.items.map((i) => ({ id: i.id, serialNumber: i.serialNumber, seizure: { id: s.id } })) },
    },
    seizureNode: { id: s.id, reference: s.reference },
    itemNode: { id: first.id, serialNumber: first.serialNumber },
    item: { id: first.id, serialNumber: first.serialNumber, seizure: { id: s.id, reference: s.reference } },
    byReference: { totalCount: 1, nodes: [{ id: s.id, items: { totalCount: 2 } }] },
    byIdentifier: { totalCount: 1, nodes: [{ id: second.id, seizure: { id: s.id, reference: s.reference } }] },
  };
}

const cases = HANDLINGS.flatMap((handling) =>
  READERS.map((reader) => ({ handling, reader, visible: READERS_OF[handling].includes(reader) })),
);

describe('a seizure and its items, on every read path', () => {
  it.each(cases)('$handling as $reader: readable=$visible', async ({ handling, reader, visible }) => {
    const s = recorded[handling];
    const res = await app.graphql(tokens[reader], READ_PATHS, {
      seizureId: s.id,
      itemId: s.items[0].id,
      reference: s.reference,
      identifier: s.items[1].serialNumber,
    });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual(expectedReadPaths(s, visible));
  });
});

describe('lists and counts over all of OWNER\'s seizures', () => {
  const LISTS = `query ($agency: String!, $make: String!) {
    seizures(filter: { agency: [$agency] }, first: 100) { totalCount nodes { reference } }
    items(filter: { make: $make }, first: 100) { totalCount nodes { serialNumber } }
  }`;

  it.each(READERS)('%s lists and counts exactly the seizures and items it may read', async (reader) => {
    const handlings = visibleTo(reader);
    const res = await app.graphql(tokens[reader], LISTS, { agency: owner.code, make: MAKE });
    expect(res.body.errors).toBeUndefined();
    const { seizures, items } = res.body.data;
    expect(seizures.totalCount).toBe(handlings.length);
    expect(seizures.nodes.map((n: any) => n.reference).sort()).toEqual(handlings.map(referenceOf).sort());
    expect(items.totalCount).toBe(2 * handlings.length);
    expect(items.nodes.map((n: any) => n.serialNumber).sort()).toEqual(handlings.flatMap(serialsOf).sort());
  });
});

describe('a token of an agency that is not registered', () => {
  const GREEN = () => recorded.TLP_GREEN;
  const operations: Array<[string, string, () => Record<string, unknown>]> = [
    ['seizures', 'query { seizures { totalCount nodes { reference } } }', () => ({})],
    ['seizure(id)', 'query ($id: ID!) { seizure(id: $id) { reference } }', () => ({ id: GREEN().id })],
    ['node(id)', 'query ($id: ID!) { node(id: $id) { id } }', () => ({ id: GREEN().id })],
    ['item(id)', 'query ($id: ID!) { item(id: $id) { serialNumber } }', () => ({ id: GREEN().items[0].id })],
    ['items', 'query ($make: String!) { items(filter: { make: $make }) { totalCount } }', () => ({ make: MAKE })],
  ];

  it.each(operations)('is FORBIDDEN on %s and reads nothing', async (_name, query, variables) => {
    const res = await app.graphql(unregistered, query, variables());
    expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(JSON.stringify(res.body.data ?? null)).not.toMatch(/VIS-|totalCount":[1-9]/);
  });
});

describe('recording a TLP_RED reference the agency already holds', () => {
  // Each case on an agency of its own, so nothing here touches the fixtures above.
  it.each([
    { recorder: 'the recording user', sameUser: true },
    { recorder: 'another user of the agency', sameUser: false },
  ])('by $recorder: DUPLICATE_REFERENCE, the existing seizure only if readable, nothing stored', async ({ sameUser }) => {
    const agency = await makeAgency(app);
    const first = await makeSeizure(app, await agency.token([Role.OFFICER], 'officer.a'), {
      reference: `RED-${RUN}-1`,
      handling: 'TLP_RED',
      items: [{ kind: 'ENGINE', serialNumber: `RED-${RUN}-ORIGINAL` }],
    });
    const again = await recordSeizure(app, await agency.token([Role.OFFICER], sameUser ? 'officer.a' : 'officer.b'), seizureInput({
      reference: ` red-${RUN.toLowerCase()}-1 `,
      handling: 'TLP_RED',
      notes: 'recorded a second time',
      items: [{ kind: 'PUMP', serialNumber: `RED-${RUN}-SECOND` }],
    }));

    expect(again.userErrors).toEqual([expect.objectContaining({ code: 'DUPLICATE_REFERENCE', field: ['input', 'reference'] })]);
    expect(again.seizure).toEqual(sameUser ? expect.objectContaining({ id: first.id, handling: 'TLP_RED' }) : null);
    const stored = await app.query(
      `SELECT s.recorded_by, s.notes, array_agg(i.serial_number) AS serials
         FROM seizure s JOIN agency a ON a.id = s.agency_id LEFT JOIN item i ON i.seizure_id = s.id
        WHERE a.code = $1 GROUP BY s.id`,
      [agency.code],
    );
    expect(stored).toEqual([{ recorded_by: 'officer.a', notes: null, serials: [`RED-${RUN}-ORIGINAL`] }]);
  });
});
