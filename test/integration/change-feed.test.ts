// The durable change feed: every change partners hear about, written in the changing
// transaction, read with the caller's visibility, paged by cursor, never overtaken by a change
// that commits later.
import { Role } from '../../src/auth/roles';
import { idOfType, toGlobalId } from '../../src/graphql/relay/global-id';
import { dropExpiredChanges } from '../../src/modules/change-feed/change-retention';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { createSupplier, supplierInput } from '../factories/supplier.factory';
import { makeSeizure, recordSeizure } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

const CHANGES = `query ($after: String, $first: Int, $kinds: [ChangeKind!]) {
  changes(after: $after, first: $first, kinds: $kinds) {
    edges { cursor node { cursor kind at record { __typename id } } }
    nodes { kind record { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

let app: TestApp;
let fr: TestAgency;
let gb: TestAgency;
let de: TestAgency;
let tokens: Record<'fr' | 'gb' | 'de', string>;

/** Every change the caller may read after `after`, as `KIND record-id`, read in pages of `first`. */
async function feed(token: string, options: { after?: string | null; first?: number; kinds?: string[] } = {}) {
  const seen: string[] = [];
  let after = options.after ?? null;
  for (;;) {
    const res = await app.graphql(token, CHANGES, { after, first: options.first ?? 100, kinds: options.kinds });
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    const { edges, pageInfo } = res.body.data.changes;
    seen.push(...edges.map((edge: any) => `${edge.node.kind} ${edge.node.record?.id ?? 'null'}`));
    after = pageInfo.endCursor ?? after;
    if (!pageInfo.hasNextPage) return { seen, last: after };
  }
}

/**
 * The feed once `count` changes are listed: a change is listed when every transaction older
 * than it, on the whole server (other test files' too), has ended, which may take a moment.
 */
async function settledFeed(token: string, count: number, options: { after?: string | null; first?: number; kinds?: string[] } = {}) {
  const giveUp = Date.now() + 10_000;
  for (;;) {
    const read = await feed(token, options);
    if (read.seen.length >= count || Date.now() > giveUp) return read;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const engine = (serialNumber: string) => ({ kind: 'ENGINE', make: 'Velmont Marine', serialNumber });

beforeAll(async () => {
  app = await TestApp.start();
  fr = await makeAgency(app, { jurisdiction: 'FR' });
  gb = await makeAgency(app, { jurisdiction: 'GB' });
  de = await makeAgency(app, { jurisdiction: 'DE' });
  tokens = {
    fr: await fr.token([Role.OFFICER, Role.ANALYST]),
    gb: await gb.token([Role.OFFICER, Role.ANALYST]),
    de: await de.token([Role.OFFICER, Role.ANALYST]),
  };
});
afterAll(() => app.stop());

describe('changes', () => {
  it('lists seizures recorded and amended, matches found and decided, sightings found, each from the caller\'s side', async () => {
    const start = { fr: (await feed(tokens.fr)).last, gb: (await feed(tokens.gb)).last, de: (await feed(tokens.de)).last };
    const french = await makeSeizure(app, tokens.fr, { items: [engine('CHF-7781234')] });
    const secret = await makeSeizure(app, tokens.fr, { handling: 'TLP_AMBER_STRICT', items: [{ kind: 'PUMP' }] });
    const amended = await app.graphql(tokens.fr, `mutation ($input: SeizureUpdateInput!) { seizureUpdate(input: $input) { userErrors { code } } }`, {
      input: { id: french.id, version: 1, notes: 'Engine photographed.' },
    });
    expect(amended.body.data.seizureUpdate.userErrors).toEqual([]);
    const british = await makeSeizure(app, tokens.gb, { items: [engine('CHF 7781234')] });
    const [frItem, gbItem] = [french.items.nodes[0].id, british.items.nodes[0].id];
    const decided = await app.graphql(tokens.fr, `mutation ($input: ItemMatchDecideInput!) { itemMatchDecide(input: $input) { userErrors { code } } }`, {
      input: { itemId: frItem, otherItemId: gbItem, status: 'CONFIRMED' },
    });
    expect(decided.body.data.itemMatchDecide.userErrors).toEqual([]);
    const phone = `+964750${String(Date.now()).slice(-7)}`;
    const frSupplier = (await createSupplier(app, tokens.fr, supplierInput({ identifiers: [{ scheme: 'PHONE', value: phone }] }))).supplier.id;
    const gbSupplier = (await createSupplier(app, tokens.gb, supplierInput({ identifiers: [{ scheme: 'PHONE', value: phone }] }))).supplier.id;

    expect((await settledFeed(tokens.fr, 7, { after: start.fr })).seen).toEqual([
      `SEIZURE_RECORDED ${french.id}`, `SEIZURE_RECORDED ${secret.id}`, `SEIZURE_AMENDED ${french.id}`,
      `SEIZURE_RECORDED ${british.id}`, `MATCH_FOUND ${frItem}`, `MATCH_DECIDED ${frItem}`, `SIGHTING_FOUND ${frSupplier}`,
    ]);
    expect((await settledFeed(tokens.gb, 6, { after: start.gb })).seen).toEqual([
      `SEIZURE_RECORDED ${french.id}`, `SEIZURE_AMENDED ${french.id}`,
      `SEIZURE_RECORDED ${british.id}`, `MATCH_FOUND ${gbItem}`, `MATCH_DECIDED ${gbItem}`, `SIGHTING_FOUND ${gbSupplier}`,
    ]);
    // Not involved in the match or the sighting, and not allowed the owner-only seizure.
    expect((await settledFeed(tokens.de, 3, { after: start.de })).seen).toEqual([
      `SEIZURE_RECORDED ${french.id}`, `SEIZURE_AMENDED ${french.id}`, `SEIZURE_RECORDED ${british.id}`,
    ]);
    expect((await settledFeed(tokens.gb, 2, { after: start.gb, kinds: ['MATCH_FOUND', 'MATCH_DECIDED'] })).seen).toEqual([
      `MATCH_FOUND ${gbItem}`, `MATCH_DECIDED ${gbItem}`,
    ]);
  });

  it('pages by cursor, each change once, and a client resuming from its last cursor misses nothing', async () => {
    const { last } = await feed(tokens.de);
    const recorded = [];
    for (let n = 0; n < 5; n++) recorded.push((await makeSeizure(app, tokens.de, { items: [{ kind: 'OTHER' }] })).id);
    const inPagesOfTwo = await settledFeed(tokens.de, 5, { after: last, first: 2 });
    expect(inPagesOfTwo.seen).toEqual(recorded.map((id) => `SEIZURE_RECORDED ${id}`));
    const later = (await makeSeizure(app, tokens.de, { items: [{ kind: 'OTHER' }] })).id;
    expect((await settledFeed(tokens.de, 1, { after: inPagesOfTwo.last })).seen).toEqual([`SEIZURE_RECORDED ${later}`]);

    const res = await app.graphql(tokens.de, CHANGES, { after: last, first: 2 });
    expect(res.body.data.changes.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(res.body.data.changes.edges.map((e: any) => e.cursor)).toEqual(res.body.data.changes.edges.map((e: any) => e.node.cursor));
  });

  it('holds back a change while an older transaction is still open, then lists both in transaction order', async () => {
    const { last } = await feed(tokens.de);
    const open = app.dataSource.createQueryRunner();
    await open.connect();
    await open.startTransaction();
    try {
      const [{ id: early }] = await open.query(
        `INSERT INTO seizure (agency_id, reference, reference_key, jurisdiction, seized_at, handling, recorded_by)
         VALUES ($1, 'CHF-OPEN', 'CHF-OPEN', 'DE', now(), 'TLP_GREEN', 'officer.open') RETURNING id`,
        [idOfType(de.id, 'Agency')],
      );
      const committed = (await makeSeizure(app, tokens.de, { items: [{ kind: 'OTHER' }] })).id;
      expect((await feed(tokens.de, { after: last })).seen).toEqual([]);
      await open.commitTransaction();
      expect((await settledFeed(tokens.de, 2, { after: last })).seen).toEqual([`SEIZURE_RECORDED ${toGlobalId('Seizure', early)}`, `SEIZURE_RECORDED ${committed}`]);
    } finally {
      if (open.isTransactionActive) await open.rollbackTransaction();
      await open.release();
    }
  });

  it('keeps nothing of a write that was refused or rolled back', async () => {
    const [{ count: before }] = await app.query(`SELECT count(*)::int AS count FROM change_event`);
    const refused = await recordSeizure(app, tokens.de, { reference: 'CHF-REFUSED', seizedAt: '2025-01-01T00:00:00Z', items: [{ kind: 'PUMP', quantity: 0 }] });
    expect(refused.userErrors.map((e) => e.field)).toEqual([['input', 'items', '0', 'quantity']]);
    const [{ count: after }] = await app.query(`SELECT count(*)::int AS count FROM change_event`);
    expect(after).toBe(before);
  });

  it('keeps changes for the retention period, then deletes them', async () => {
    const rows = await app.query(
      `INSERT INTO change_event (kind, seizure_id, at) VALUES ('SEIZURE_RECORDED', gen_random_uuid(), now() - interval '31 days'),
         ('SEIZURE_RECORDED', gen_random_uuid(), now() - interval '29 days') RETURNING id::text`,
    );
    expect(await dropExpiredChanges(app.dataSource, 30)).toBe(1);
    const kept = await app.query(`SELECT id::text FROM change_event WHERE id = ANY($1::bigint[])`, [rows.map((row: any) => row.id)]);
    expect(kept).toEqual([rows[1]]);
  });

  it('refuses a cursor it did not write, naming `after`, and requests may not write the feed', async () => {
    const res = await app.graphql(tokens.de, CHANGES, { after: 'not-a-cursor' });
    expect(res.body.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.body.errors?.[0].message).toContain('after');
    const [{ privileges }] = await app.query(
      `SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) AS privileges FROM information_schema.role_table_grants
        WHERE grantee = 'registry_app' AND table_name = 'change_event'`,
    );
    expect(privileges).toBe('SELECT');
  });
});
