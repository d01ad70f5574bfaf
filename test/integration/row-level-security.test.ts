// The backstop behind src/auth/visibility.ts: row-level security in PostgreSQL. Statements here
// run through a RequestTransaction (role registry_app, caller bound in SET LOCAL settings) and
// carry NO visibility filter of their own; the policies alone decide what comes back.
// A pool of one connection makes every transaction reuse the same session, so anything a
// request left behind in it would show in the next one.
import type { EntityManager } from 'typeorm';
import type { TokenClaims } from '../../src/auth/caller';
import { Role } from '../../src/auth/roles';
import { RequestTransaction } from '../../src/db/request-transaction';
import { makeAdvert } from '../factories/advert.factory';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makePayment } from '../factories/payment.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { createSupplier, makeSupplier, supplierInput } from '../factories/supplier.factory';
import { idOfType } from '../../src/graphql/relay/global-id';
import { TestApp } from '../setup/test-app';

type Handling = 'TLP_CLEAR' | 'TLP_GREEN' | 'TLP_AMBER' | 'TLP_AMBER_STRICT' | 'TLP_RED';
type Caller = 'A' | 'B' | 'PARTNER' | 'OUTSIDER' | 'UNREGISTERED';

const HANDLINGS: Handling[] = ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED'];

/** What each caller reads of OWNER's seizures (A recorded them; B is another user of OWNER). */
const READS: Record<Caller, Handling[]> = {
  A: ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED'],
  B: ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT'],
  PARTNER: ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER'],
  OUTSIDER: ['TLP_CLEAR', 'TLP_GREEN'],
  UNREGISTERED: [],
};

const RUN = Math.random().toString(36).slice(2, 7).toUpperCase();
const referenceOf = (h: Handling) => `RLS-${RUN}-${h}`;
const serialsOf = (h: Handling) => [`RLS-${RUN}-${h}-1`, `RLS-${RUN}-${h}-2`];

let app: TestApp;
let owner: TestAgency;
let partner: TestAgency;
let outsider: TestAgency;
let claims: Record<Caller, TokenClaims>;

beforeAll(async () => {
  app = await TestApp.start({ poolSize: 1 });
  owner = await makeAgency(app);
  partner = await makeAgency(app);
  outsider = await makeAgency(app);
  const officer = (agencyCode: string, subject: string): TokenClaims => ({ subject, agencyCode, roles: [Role.OFFICER] });
  claims = {
    A: officer(owner.code, 'officer.a'),
    B: officer(owner.code, 'officer.b'),
    PARTNER: officer(partner.code, 'officer.partner'),
    OUTSIDER: officer(outsider.code, 'officer.outsider'),
    UNREGISTERED: officer(`NOPE-${RUN}`, 'officer.nope'),
  };
  const recorder = await owner.token([Role.OFFICER], claims.A.subject);
  for (const handling of HANDLINGS) {
    await makeSeizure(app, recorder, {
      reference: referenceOf(handling),
      handling,
      sharedWith: handling === 'TLP_AMBER' ? [partner.code] : undefined,
      items: serialsOf(handling).map((serialNumber) => ({ kind: 'ENGINE', serialNumber })),
    });
  }
});
afterAll(() => app.stop());

/**
 * Runs `work` in a request transaction of `caller`, then ends it (committing unless `outcome`
 * says otherwise or the work threw). Nothing else may touch the pool meanwhile: it has one connection.
 */
async function as<T>(caller: Caller, work: (m: EntityManager) => Promise<T>, outcome: 'commit' | 'rollback' = 'commit'): Promise<T> {
  const tx = new RequestTransaction(app.dataSource, claims[caller]);
  let ok = false;
  try {
    const result = await work(await tx.manager());
    ok = outcome === 'commit';
    return result;
  } finally {
    await tx.finish(ok);
  }
}

const seizureReferences = (m: EntityManager) =>
  m.query('SELECT reference FROM seizure').then((rows: any[]) => rows.map((r) => r.reference).sort());
const itemSerials = (m: EntityManager) =>
  m.query('SELECT * FROM item').then((rows: any[]) => rows.map((r) => r.serial_number).sort());
const sessionState = (m: { query(sql: string): Promise<any[]> }) =>
  m.query(`SELECT current_user AS "user", pg_backend_pid() AS pid,
                  coalesce(current_setting('app.agency', true), '') AS agency,
                  coalesce(current_setting('app.subject', true), '') AS subject`).then((rows) => rows[0]);

const CALLERS = Object.keys(READS) as Caller[];

describe('reading with no WHERE clause', () => {
  it.each(CALLERS)('%s gets exactly the seizures it may read, and their items', async (caller) => {
    const [references, serials] = await as(caller, async (m) => [await seizureReferences(m), await itemSerials(m)]);
    expect(references).toEqual(READS[caller].map(referenceOf).sort());
    expect(serials).toEqual(READS[caller].flatMap(serialsOf).sort());
  });

  it('hides nothing from the owner outside a request transaction (the rows are there)', async () => {
    const rows = await app.query('SELECT reference FROM seizure');
    expect(rows.map((r) => r.reference).sort()).toEqual(HANDLINGS.map(referenceOf).sort());
  });
});

describe('writing another agency\'s rows', () => {
  const ownersClearSeizure = async () =>
    (await app.query(`SELECT id, agency_id FROM seizure WHERE reference = $1`, [referenceOf('TLP_CLEAR')]))[0];

  // Each statement writes a row that claims OWNER's agency (and, for the item, OWNER's seizure).
  type Target = { id: string; agency_id: string };
  const inserts: Array<[string, string, (target: Target, subject: string) => unknown[]]> = [
    ['a seizure', `INSERT INTO seizure (agency_id, reference, reference_key, jurisdiction, seized_at, handling, recorded_by)
                   VALUES ($1, 'RLS-FORGED', 'rls-forged', 'FR', now(), 'TLP_GREEN', $2)`, (t, subject) => [t.agency_id, subject]],
    ['an item', `INSERT INTO item (seizure_id, agency_id, position, kind, serial_number)
                 VALUES ($1, $2, 99, 'PUMP', 'RLS-FORGED')`, (t) => [t.id, t.agency_id]],
  ];

  it.each(inserts)('refuses to insert %s for another agency, and stores nothing', async (_what, sql, params) => {
    const target = await ownersClearSeizure();
    await expect(as('OUTSIDER', (m) => m.query(sql, params(target, claims.OUTSIDER.subject)))).rejects.toThrow(/row-level security/);
    const forged = await app.query(`SELECT (SELECT count(*) FROM seizure WHERE reference = 'RLS-FORGED')
                                         + (SELECT count(*) FROM item WHERE serial_number = 'RLS-FORGED') AS n`);
    expect(Number(forged[0].n)).toBe(0);
  });

  it.each(inserts)('lets the owner\'s own officer insert %s (the refusal above is about the agency)', async (_what, sql, params) => {
    const target = await ownersClearSeizure();
    // Rolled back: only whether the policy lets it through matters here.
    const inserted = await as('A', (m) => m.query(`${sql} RETURNING agency_id`, params(target, claims.A.subject)), 'rollback');
    expect(inserted).toEqual([{ agency_id: target.agency_id }]);
  });

  it('updates none of another agency\'s rows, even those it may read', async () => {
    const updated = await as('OUTSIDER', (m) =>
      m.query(`UPDATE seizure SET notes = 'overwritten' WHERE reference = $1 RETURNING id`, [referenceOf('TLP_GREEN')]));
    expect(updated).toEqual([[], 0]);
    expect((await app.query(`SELECT notes FROM seizure WHERE reference = $1`, [referenceOf('TLP_GREEN')]))[0].notes).toBeNull();
  });
});

describe('the session of a request', () => {
  it('runs as registry_app with the caller bound, and leaves the connection as it found it', async () => {
    const [{ id: outsiderId }] = await app.query('SELECT id FROM agency WHERE code = $1', [outsider.code]);
    const inside = await as('OUTSIDER', sessionState);
    expect(inside).toMatchObject({ user: 'registry_app', agency: outsiderId, subject: claims.OUTSIDER.subject });
    const after = await sessionState(app.dataSource);
    expect(after).toMatchObject({ pid: inside.pid, agency: '', subject: '' });
    expect(after.user).not.toBe('registry_app');
  });

  it('binds no agency for a caller whose agency is not registered', async () => {
    expect(await as('UNREGISTERED', sessionState)).toMatchObject({ user: 'registry_app', agency: '' });
  });

  // Alternating callers on the one pooled connection, each transaction committed or rolled back:
  // every one must see exactly its own rights, whatever ran before it.
  const sequence: Array<[Caller, 'commit' | 'rollback']> = [
    ['PARTNER', 'commit'], ['OUTSIDER', 'commit'],
    ['PARTNER', 'rollback'], ['OUTSIDER', 'commit'],
    ['A', 'commit'], ['B', 'commit'],
    ['PARTNER', 'commit'], ['UNREGISTERED', 'commit'],
    ['A', 'rollback'], ['OUTSIDER', 'commit'],
    ['PARTNER', 'commit'], ['OUTSIDER', 'rollback'], ['OUTSIDER', 'commit'],
  ];

  it('does not leak one request\'s settings into the next on a reused connection', async () => {
    const seen: Array<{ caller: Caller; outcome: string; pid: number; references: string[] }> = [];
    for (const [caller, outcome] of sequence) {
      const [state, references] = await as(caller, async (m) => [await sessionState(m), await seizureReferences(m)], outcome);
      seen.push({ caller, outcome, pid: state.pid, references });
    }
    expect(new Set(seen.map((s) => s.pid)).size).toBe(1); // one connection throughout
    expect(seen).toEqual(sequence.map(([caller, outcome]) => ({
      caller, outcome, pid: seen[0].pid, references: READS[caller].map(referenceOf).sort(),
    })));
  });
});

describe('the ways past the policies', () => {
  it('are only the SECURITY DEFINER functions that answer what a hit shows', async () => {
    const functions = await app.query(`
      SELECT p.proname AS name, pg_get_function_result(p.oid) AS result
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.prosecdef AND has_function_privilege('registry_app', p.oid, 'EXECUTE')
       ORDER BY 1`);
    // Ids of the caller's own or readable records for internal joins, an owning agency, a
    // handling code, a match's basis/score/status, a count, whether the caller's own agency holds
    // a client key: never another agency's content.
    expect(functions).toEqual([
      // The caller's readable adverts matching a text query, with their rank.
      { name: 'advert_text_search', result: 'TABLE(advert_id uuid, score numeric)' },
      { name: 'item_match_hits', result: 'TABLE(item_id uuid, basis match_basis, score numeric, status match_status, agency_id uuid, handling handling_code)' },
      { name: 'item_match_link', result: 'integer' },
      { name: 'money_trail_hidden_parties', result: 'TABLE(agency_id uuid, handling handling_code)' },
      { name: 'money_trail_hidden_payments', result: 'TABLE(agency_id uuid, handling handling_code)' },
      { name: 'seizure_client_key_taken', result: 'boolean' },
      { name: 'sighting_link', result: 'integer' },
      { name: 'sighting_link_text', result: 'integer' },
      // Another agency's record as a hit only (agency and handling; its id and key are null).
      { name: 'sightings_by_key', result: 'TABLE(other_kind sighted_kind, other_id uuid, agency_id uuid, handling handling_code)' },
      {
        name: 'sightings_of',
        result: 'TABLE(record_id uuid, other_kind sighted_kind, other_id uuid, basis sighting_basis, scheme text, value_key text, score numeric, agency_id uuid, handling handling_code)',
      },
      { name: 'supplier_search_lookup', result: 'SETOF uuid' },
      { name: 'supply_chain_hidden_carriers', result: 'TABLE(agency_id uuid, handling handling_code)' },
      { name: 'supply_chain_hidden_seizures', result: 'TABLE(agency_id uuid, handling handling_code)' },
      { name: 'supply_chain_hidden_steps', result: 'TABLE(supplier_id uuid, agency_id uuid, handling handling_code)' },
    ]);
  });

  it('links only the caller\'s own new items: another agency\'s item ids link nothing', async () => {
    const serial = `RLS-${RUN}-LINK`;
    await makeSeizure(app, await partner.token([Role.OFFICER]), { items: [{ kind: 'ENGINE', serialNumber: serial }] });
    await makeSeizure(app, await owner.token([Role.OFFICER], claims.A.subject), { items: [{ kind: 'ENGINE', serialNumber: serial }] });
    const [{ id: ownersItem }] = await app.query(`SELECT i.id FROM item i JOIN agency a ON a.id = i.agency_id WHERE i.serial_number = $1 AND a.code = $2`, [serial, owner.code]);
    await app.query(`DELETE FROM item_match WHERE $1 IN (item_a, item_b)`, [ownersItem]); // as if never matched

    const link = (caller: Caller) => as(caller, (m) => m.query(`SELECT item_match_link(ARRAY[CAST($1 AS uuid)]) AS n`, [ownersItem]), 'rollback');
    expect(await link('OUTSIDER')).toEqual([{ n: 0 }]);
    expect(await link('PARTNER')).toEqual([{ n: 0 }]);
    expect(await link('A')).toEqual([{ n: 1 }]); // the owner's officer would link it (rolled back)
    expect(await app.query(`SELECT count(*) AS n FROM item_match WHERE $1 IN (item_a, item_b)`, [ownersItem])).toEqual([{ n: '0' }]);
  });

  it('tell the money trail of hidden payments and parties only along what the caller may read', async () => {
    const ownerToken = await owner.token([Role.ANALYST], claims.A.subject);
    const hiddenPayer = await makeSupplier(app, ownerToken, { handling: 'TLP_AMBER_STRICT' });
    const hiddenBroker = await makeSupplier(app, ownerToken, { handling: 'TLP_AMBER_STRICT' });
    const payee = await makeSupplier(app, ownerToken);
    const hiddenPayment = idOfType(await makePayment(app, ownerToken, hiddenPayer, [], payee, { handling: 'TLP_AMBER_STRICT' }), 'Payment')!;
    const readablePayment = idOfType(await makePayment(app, ownerToken, null, [hiddenBroker], payee), 'Payment')!;
    const payer = idOfType(hiddenPayer.id, 'Supplier');
    const parties = (caller: Caller, payment: string) =>
      as(caller, (m) => m.query(`SELECT handling FROM money_trail_hidden_parties(ARRAY[CAST($1 AS uuid)], ARRAY[2], ARRAY[5], -1)`, [payment]));
    const payments = (caller: Caller) =>
      as(caller, (m) => m.query(`SELECT handling FROM money_trail_hidden_payments(ARRAY[CAST($1 AS uuid)], 'FOLLOW_MONEY')`, [payer]));
    // Along a readable payment, its hidden broker is a hit; along a hidden one, nothing.
    expect(await parties('PARTNER', readablePayment)).toEqual([{ handling: 'TLP_AMBER_STRICT' }]);
    expect(await parties('PARTNER', hiddenPayment)).toEqual([]);
    // The payments of a party the caller may not read: nothing, however they are handled.
    expect(await payments('PARTNER')).toEqual([]);
    expect(await payments('A')).toEqual([]); // the owner reads them all: nothing hidden
  });

  it('sights only the caller\'s own new suppliers: another agency\'s supplier ids sight nothing', async () => {
    const phone = `+44 20 7946 ${String(Date.now()).slice(-4)}`;
    await createSupplier(app, await partner.token([Role.ANALYST]), supplierInput({ identifiers: [{ scheme: 'PHONE', value: phone }] }));
    const created = await createSupplier(app, await owner.token([Role.ANALYST], claims.A.subject), supplierInput({ identifiers: [{ scheme: 'PHONE', value: phone }] }));
    const ownersSupplier = idOfType(created.supplier.id, 'Supplier');
    await app.query(`DELETE FROM sighting WHERE $1 IN (record_a, record_b)`, [ownersSupplier]); // as if never sighted

    const link = (caller: Caller) => as(caller, (m) => m.query(`SELECT sighting_link('SUPPLIER', ARRAY[CAST($1 AS uuid)]) AS n`, [ownersSupplier]), 'rollback');
    expect(await link('OUTSIDER')).toEqual([{ n: 0 }]);
    expect(await link('PARTNER')).toEqual([{ n: 0 }]);
    expect(await link('A')).toEqual([{ n: 1 }]); // the owner's analyst would sight it (rolled back)
    expect(await app.query(`SELECT count(*)::int AS n FROM sighting WHERE $1 IN (record_a, record_b)`, [ownersSupplier])).toEqual([{ n: 0 }]);
  });

  it('search advert texts among the readable adverts only, and sight only the caller\'s own new adverts\' texts', async () => {
    const word = `kv${RUN}`.toLowerCase();
    const text = `Rubberboot ${word} te koop met motor en pomp, levering Oostende`;
    const ownerToken = await owner.token([Role.OFFICER], claims.A.subject);
    const strict = idOfType(await makeAdvert(app, ownerToken, { text, handling: 'TLP_AMBER_STRICT' }), 'Advert');
    const green = idOfType(await makeAdvert(app, ownerToken, { text: `${text}!`, handling: 'TLP_GREEN' }), 'Advert');
    const found = (caller: Caller) =>
      as(caller, (m) => m.query(`SELECT advert_id FROM advert_text_search(ARRAY[$1], ARRAY[$1]) ORDER BY 1`, [word])).then((rows: any[]) => rows.map((r) => r.advert_id));
    expect(await found('OUTSIDER')).toEqual([green]);
    expect(await found('B')).toEqual([strict, green].sort());
    expect(await found('UNREGISTERED')).toEqual([]);

    const repost = idOfType(await makeAdvert(app, await partner.token([Role.OFFICER]), { text: `${text} 🚤` }), 'Advert');
    await app.query(`DELETE FROM sighting WHERE $1 IN (record_a, record_b)`, [repost]); // as if never sighted
    const link = (caller: Caller) => as(caller, (m) => m.query(`SELECT sighting_link_text(ARRAY[CAST($1 AS uuid)]) AS n`, [repost]), 'rollback');
    expect(await link('OUTSIDER')).toEqual([{ n: 0 }]);
    expect(await link('A')).toEqual([{ n: 0 }]);
    expect(await link('PARTNER')).toEqual([{ n: 2 }]); // the partner's officer would sight both (rolled back)
    expect(await app.query(`SELECT count(*)::int AS n FROM sighting WHERE $1 IN (record_a, record_b)`, [repost])).toEqual([{ n: 0 }]);

    // Only the recording agency names an advert's party.
    const updated = await as('OUTSIDER', (m) => m.query(`UPDATE advert SET advertiser_id = NULL WHERE id = $1 RETURNING id`, [green]));
    expect(updated).toEqual([[], 0]);
  });
});
