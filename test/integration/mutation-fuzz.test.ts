// Property tests: random and malformed inputs to every mutation never make the server fail
// (no HTTP 5xx, no INTERNAL_SERVER_ERROR), and never leave half a record: either the payload
// reports success and the whole record is stored, or no record table changed at all.
// FUZZ_RUNS=400 runs each property longer and prints how many calls applied and were refused.
import fc from 'fast-check';
import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { makeSupplier } from '../factories/supplier.factory';
import { TestApp } from '../setup/test-app';
import { fuzzInputs, hostile, notAnInput, type FuzzPool } from '../support/fuzz-inputs';

/** Every table holding records a mutation may write (the audit trail is not one of them). */
const RECORD_TABLES = ['agency', 'seizure', 'item', 'route_leg', 'supplier', 'supplier_identifier', 'supplier_merge', 'movement', 'movement_item', 'item_match', 'identifier_key'];
/** Runs per mutation: enough to meet every kind of hostile value, few enough to stay quick. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);

const MUTATIONS = {
  agencyCreate: ['AgencyCreateInput', 'agency { id }'],
  seizureRecord: ['SeizureRecordInput', 'seizure { id version items(first: 100) { totalCount } route { country } }'],
  seizureUpdate: ['SeizureUpdateInput', 'seizure { id version }'],
  supplierCreate: ['SupplierCreateInput', 'supplier { id identifiers { scheme } }'],
  movementRecord: ['MovementRecordInput', 'movement { id items { id } }'],
  itemMatchDecide: ['ItemMatchDecideInput', 'match { status basis }'],
  itemLink: ['ItemLinkInput', 'match { status basis }'],
  supplierMerge: ['SupplierMergeInput', 'supplier { id }'],
  supplierUnmerge: ['SupplierUnmergeInput', 'supplier { id }'],
} as const;
type MutationName = keyof typeof MUTATIONS;

let app: TestApp;
let home: TestAgency;
let analyst: string;
let admin: string;
let pool: FuzzPool;

beforeAll(async () => {
  app = await TestApp.start();
  home = await makeAgency(app, { jurisdiction: 'FR' });
  const other = await makeAgency(app, { jurisdiction: 'GB' });
  analyst = await home.token([Role.OFFICER, Role.ANALYST]);
  admin = await app.token({ sub: 'fuzz.admin', agency: 'FUZZ-HQ', roles: [Role.ADMIN] });
  const otherOfficer = await other.token([Role.OFFICER, Role.ANALYST]);
  const seizures = [
    await makeSeizure(app, analyst, { items: [{ kind: 'ENGINE', serialNumber: '6G5-1234567' }, { kind: 'BOAT', hin: 'FR-ABC12345D404' }] }),
    await makeSeizure(app, analyst, { handling: 'TLP_AMBER_STRICT', items: [{ kind: 'ENGINE', serialNumber: '6G5 1234567' }] }),
    await makeSeizure(app, otherOfficer, { items: [{ kind: 'ENGINE', serialNumber: '6G5-I234567' }, { kind: 'LIFE_JACKET', batchNumber: 'FUZZ-1' }] }),
  ];
  const suppliers = [
    await makeSupplier(app, analyst), await makeSupplier(app, analyst), await makeSupplier(app, analyst),
    await makeSupplier(app, analyst, { handling: 'TLP_AMBER_STRICT' }), await makeSupplier(app, otherOfficer),
  ];
  pool = {
    agencyCodes: [home.code, other.code],
    seizures: seizures.map((s) => ({ id: s.id, itemIds: s.items.nodes.map((i: { id: string }) => i.id) })),
    supplierIds: suppliers.map((s) => s.id),
  };
});
afterAll(() => app.stop());

/** Row count and a digest of every record table's content. */
async function snapshot(): Promise<Record<string, { n: number; digest: string }>> {
  const sql = RECORD_TABLES.map((t) => `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(r::text, '|' ORDER BY r::text), '')) AS digest FROM ${t} r`).join(' UNION ALL ');
  const rows = await app.query<{ t: string; n: number; digest: string }>(sql);
  return Object.fromEntries(rows.map((r) => [r.t, { n: r.n, digest: r.digest }]));
}

const changedTables = (before: Awaited<ReturnType<typeof snapshot>>, after: Awaited<ReturnType<typeof snapshot>>) =>
  RECORD_TABLES.filter((t) => before[t].digest !== after[t].digest);
const delta = (before: Awaited<ReturnType<typeof snapshot>>, after: Awaited<ReturnType<typeof snapshot>>, table: string) => after[table].n - before[table].n;

interface Answer {
  status: number;
  body: any;
}

async function sendRaw(body: string | object, token: string, contentType = 'application/json'): Promise<Answer> {
  const res = await app.http().post('/graphql').set('content-type', contentType).set('authorization', `Bearer ${token}`).send(body);
  return { status: res.status, body: res.body };
}

/** The server handled it: no 5xx, no INTERNAL_SERVER_ERROR. */
function expectNoFault(answer: Answer, what: unknown): void {
  const codes = (answer.body?.errors ?? []).map((e: any) => e.extensions?.code);
  if (answer.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) {
    throw new Error(`fault (HTTP ${answer.status}, ${JSON.stringify(codes)}) for ${JSON.stringify(what)?.slice(0, 500)}`);
  }
}

/** Checks, after a successful call, that what the payload reports was stored whole. */
const WHOLE: Record<MutationName, (input: any, payload: any, d: (table: string) => number) => void> = {
  agencyCreate: (_input, _payload, d) => expect(d('agency')).toBe(1),
  seizureRecord: (input, payload, d) => {
    expect(d('seizure')).toBe(1);
    expect(d('item')).toBe(input.items.length);
    expect(payload.seizure.items.totalCount).toBe(input.items.length);
    expect(d('route_leg')).toBe(payload.seizure.route.length);
  },
  seizureUpdate: (input, payload, d) => {
    expect(payload.seizure.version).toBe(input.version + 1);
    expect([d('seizure'), d('item')]).toEqual([0, 0]);
  },
  supplierCreate: (_input, payload, d) => {
    expect(d('supplier')).toBe(1);
    expect(d('supplier_identifier')).toBe(payload.supplier.identifiers.length);
  },
  movementRecord: (input, payload, d) => {
    expect(d('movement')).toBe(1);
    expect(d('movement_item')).toBe(new Set(input.itemIds ?? []).size);
    expect(payload.movement.items.length).toBeLessThanOrEqual(d('movement_item'));
  },
  itemMatchDecide: (input, payload, d) => {
    expect(payload.match.status).toBe(input.status);
    expect([0, 1]).toContain(d('item_match')); // a decision on a new pair stores it, on a known pair updates it
  },
  // A link confirms the pair; a pair the registry had already matched keeps its basis (SAME_SERIAL...).
  itemLink: (_input, payload, d) => {
    expect(payload.match.status).toBe('CONFIRMED');
    expect([0, 1]).toContain(d('item_match'));
  },
  supplierMerge: (_input, _payload, d) => expect(d('supplier_merge')).toBe(1),
  supplierUnmerge: (_input, _payload, d) => expect(d('supplier_merge')).toBe(-1),
};

async function callAndCheck(name: MutationName, variables: Record<string, unknown>): Promise<'applied' | 'refused'> {
  const [inputType, result] = MUTATIONS[name];
  const query = `mutation ($input: ${inputType}!) { ${name}(input: $input) { ${result} userErrors { code field } } }`;
  const before = await snapshot();
  const answer = await sendRaw({ query, variables }, name === 'agencyCreate' ? admin : analyst);
  expectNoFault(answer, variables);
  const after = await snapshot();
  const payload = answer.body?.data?.[name];
  const resultField = result.split(' ')[0];
  if (answer.status === 200 && payload && payload.userErrors.length === 0 && payload[resultField]) {
    WHOLE[name](variables.input, payload, (table) => delta(before, after, table));
    return 'applied';
  }
  expect(changedTables(before, after)).toEqual([]);
  return 'refused';
}

describe.each(Object.keys(MUTATIONS) as MutationName[])('%s', (name) => {
  it('never fails and never stores half a record, whatever the input', async () => {
    const outcomes = { applied: 0, refused: 0 };
    const arbitrary = fc.oneof(
      { arbitrary: fuzzInputs(pool, 'plausible')[name], weight: 3 },
      { arbitrary: fuzzInputs(pool, 'hostile')[name], weight: 3 },
      { arbitrary: notAnInput, weight: 1 },
    );
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        outcomes[await callAndCheck(name, input === undefined ? {} : { input })] += 1;
      }),
      { numRuns: RUNS },
    );
    if (process.env.FUZZ_RUNS) console.log(name, outcomes); // eslint-disable-line no-console
    // The properties meant something: some calls were refused (and checked for no change).
    expect(outcomes.refused).toBeGreaterThan(0);
  });
});

describe('malformed requests', () => {
  const mutation = fc.constantFrom(...(Object.keys(MUTATIONS) as MutationName[]));

  it('never fail and change nothing: broken JSON, wrong shapes, wrong types', async () => {
    const body = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ maxLength: 100 }).map((s) => `{"query": "mutation { seizureRecord(input: ${s}`),
      fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
      fc.record({ query: hostile, variables: hostile, operationName: hostile }, { requiredKeys: [] }).map((v) => JSON.stringify(v)),
      fc.tuple(mutation, hostile).map(([name, vars]) => JSON.stringify({ query: `mutation ($input: ${MUTATIONS[name][0]}!) { ${name}(input: $input) { userErrors { code } } }`, variables: vars })),
    );
    const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/graphql', 'application/x-www-form-urlencoded');
    await fc.assert(
      fc.asyncProperty(body, contentType, async (text, type) => {
        const before = await snapshot();
        const answer = await sendRaw(text, analyst, type);
        expectNoFault(answer, text);
        expect(changedTables(before, await snapshot())).toEqual([]);
      }),
      { numRuns: 80 },
    );
  });
});
