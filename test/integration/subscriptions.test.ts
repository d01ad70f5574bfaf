// Subscriptions over WebSocket with the graphql-ws client: events recorded through one process
// reach subscribers of another on the same database, only those who may read them; bad tokens
// close the socket with 4401; the listening connection comes back by itself.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { createSupplier, supplierInput } from '../factories/supplier.factory';
import { createTestDatabase } from '../setup/test-database';
import { TestApp } from '../setup/test-app';

const MATCH_FOUND = `subscription {
  matchFound {
    cursor kind
    item { id serialNumber }
    match { basis item { id } restricted { agency { code } handling } }
    sighting { basis record { ... on Supplier { id } } restricted { agency { code } handling } }
  }
}`;
const SEIZURE_RECORDED = `subscription ($filter: SeizureFilter) {
  seizureRecorded(filter: $filter) { cursor kind seizure { id reference handling agency { code } } }
}`;

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let recording: TestApp;
let serving: TestApp;
let fr: TestAgency;
let gb: TestAgency;
const clients: Client[] = [];

interface Subscriber {
  client: Client;
  events: any[];
  errors: unknown[];
  closed: Promise<{ code: number; reason: string }>;
}

/** Subscribes through `app` with `token` (a raw authorization value); events and errors are collected. */
function subscribe(app: TestApp, authorization: string | null, variables: Record<string, unknown> = {}, query = SEIZURE_RECORDED): Subscriber {
  let closedWith: (event: { code: number; reason: string }) => void = () => undefined;
  const closed = new Promise<{ code: number; reason: string }>((resolve) => { closedWith = resolve; });
  const client = createClient({
    url: `${app.baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: authorization === null ? {} : { authorization },
    retryAttempts: 0,
    on: { closed: (event) => closedWith(event as { code: number; reason: string }) },
  });
  clients.push(client);
  const subscriber: Subscriber = { client, events: [], errors: [], closed };
  client.subscribe({ query, variables }, {
    next: (result) => {
      if (result.errors) subscriber.errors.push(result.errors);
      else subscriber.events.push(Object.values(result.data as object)[0]);
    },
    error: (error) => subscriber.errors.push(error),
    complete: () => undefined,
  });
  return subscriber;
}

/** Waits until `check` holds (at most 10 s by default: a bound that proves nothing hangs). */
async function eventually(check: () => boolean, ms = 10_000): Promise<void> {
  const giveUp = Date.now() + ms;
  while (!check() && Date.now() < giveUp) await new Promise((resolve) => setTimeout(resolve, 25));
}

/**
 * Records probe seizures through `recording` until `subscriber` hears one, so that it is known
 * to be listening; returns how many events it had by then.
 */
async function listening(subscriber: Subscriber, token: string, kind = 'OTHER'): Promise<number> {
  const giveUp = Date.now() + 10_000;
  while (Date.now() < giveUp) {
    const probe = await makeSeizure(recording, token, { items: [{ kind }] });
    // A probe committed before the subscription began is not for it: after a while, another.
    await eventually(() => subscriber.events.some((event) => event.seizure.id === probe.id) || subscriber.errors.length > 0, 1500);
    const at = subscriber.events.findIndex((event) => event.seizure.id === probe.id);
    if (at >= 0) return at + 1;
  }
  throw new Error(`the subscriber never heard a probe: ${JSON.stringify(subscriber.errors)}`);
}

/** The serving process's reads of the change feed for the caller `subject` (a parameter of each), from now until `stop()`. */
function feedReadsOf(subject: string): string[] & { stop(): void } {
  const reads: string[] = [];
  const logger = serving.dataSource.logger;
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    if (query.includes('FROM change_event c') && parameters?.includes(subject)) reads.push(query);
    return logQuery(query, parameters, runner);
  };
  return Object.assign(reads, { stop: () => void (logger.logQuery = logQuery) });
}

beforeAll(async () => {
  database = await createTestDatabase();
  const shared = { url: database.url, drop: async () => undefined };
  recording = await TestApp.start({ database: shared });
  serving = await TestApp.start({ database: shared });
  fr = await makeAgency(recording, { jurisdiction: 'FR' });
  gb = await makeAgency(recording, { jurisdiction: 'GB' });
});
afterAll(async () => {
  await Promise.all(clients.map((client) => client.dispose()));
  await serving.stop();
  await recording.stop();
  await database.drop();
});

describe('seizureRecorded', () => {
  it('reaches subscribers of another process, each only with what they may read', async () => {
    const frToken = await fr.token([Role.OFFICER, Role.ANALYST]);
    const gbToken = await gb.token([Role.ANALYST]);
    const french = subscribe(serving, `Bearer ${frToken}`, { filter: { agency: [fr.code] } });
    const british = subscribe(serving, `Bearer ${gbToken}`, { filter: { agency: [fr.code] } });
    await listening(french, frToken);
    await listening(british, frToken);
    // Both hear everything from here on: what came before the marker is left out.
    const marker = await makeSeizure(recording, frToken, { items: [{ kind: 'OTHER' }] });
    const after = (subscriber: Subscriber) => subscriber.events.findIndex((event) => event.seizure.id === marker.id) + 1;
    await eventually(() => after(french) > 0 && after(british) > 0);
    const [frSkip, gbSkip] = [after(french), after(british)];

    const open = await makeSeizure(recording, frToken, { reference: 'SUB-GREEN', items: [{ kind: 'PUMP' }] });
    const strict = await makeSeizure(recording, frToken, { reference: 'SUB-STRICT', handling: 'TLP_AMBER_STRICT', items: [{ kind: 'PUMP' }] });
    const last = await makeSeizure(recording, frToken, { reference: 'SUB-LAST', items: [{ kind: 'PUMP' }] });
    await eventually(() => french.events.length >= frSkip + 3 && british.events.length >= gbSkip + 2);

    expect(french.events.slice(frSkip).map((event) => `${event.kind} ${event.seizure.reference}`)).toEqual([
      'SEIZURE_RECORDED SUB-GREEN', 'SEIZURE_RECORDED SUB-STRICT', 'SEIZURE_RECORDED SUB-LAST',
    ]);
    // The owner-only seizure never reaches another agency; the one after it does.
    expect(british.events.slice(gbSkip).map((event) => event.seizure.id)).toEqual([open.id, last.id]);
    expect(british.events.map((event) => event.seizure.id)).not.toContain(strict.id);
    expect([french.errors, british.errors]).toEqual([[], []]);
  });

  it('delivers each handling code to exactly the readers the rule names', async () => {
    const owner = await makeAgency(recording, { jurisdiction: 'BE' });
    const partner = await makeAgency(recording, { jurisdiction: 'NL' });
    const outsider = await makeAgency(recording, { jurisdiction: 'DE' });
    const recorder = await owner.token([Role.OFFICER], 'officer.recorder');
    const readers = {
      recorder,
      colleague: await owner.token([Role.ANALYST], 'analyst.colleague'),
      partner: await partner.token([Role.ANALYST]),
      outsider: await outsider.token([Role.ANALYST]),
    };
    const filter = { agency: [owner.code] };
    const subscribers = Object.fromEntries(Object.entries(readers).map(([name, token]) => [name, subscribe(serving, `Bearer ${token}`, { filter })]));
    for (const subscriber of Object.values(subscribers)) await listening(subscriber, recorder);
    const marker = await makeSeizure(recording, recorder, { items: [{ kind: 'OTHER' }] });
    const after = (subscriber: Subscriber) => subscriber.events.findIndex((event) => event.seizure.id === marker.id) + 1;
    await eventually(() => Object.values(subscribers).every((subscriber) => after(subscriber) > 0));
    const skips = Object.fromEntries(Object.entries(subscribers).map(([name, subscriber]) => [name, after(subscriber)]));

    for (const handling of ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED']) {
      await makeSeizure(recording, recorder, { reference: `SUB-${handling}`, handling, sharedWith: handling === 'TLP_AMBER' ? [partner.code] : undefined, items: [{ kind: 'PUMP' }] });
    }
    const last = await makeSeizure(recording, recorder, { reference: 'SUB-END', items: [{ kind: 'PUMP' }] });
    await eventually(() => Object.values(subscribers).every((subscriber) => subscriber.events.some((event) => event.seizure.id === last.id)));
    const heard = Object.fromEntries(Object.entries(subscribers).map(([name, subscriber]) =>
      [name, subscriber.events.slice(skips[name]).map((event) => event.seizure.reference.replace('SUB-', ''))]));
    expect(heard).toEqual({
      recorder: ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED', 'END'],
      colleague: ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'END'],
      partner: ['TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'END'],
      outsider: ['TLP_CLEAR', 'TLP_GREEN', 'END'],
    });
  });

  it('reads the feed once per round for all the subscriptions of one caller, each getting what its own filter selects', async () => {
    const agency = await makeAgency(recording, { jurisdiction: 'PL' });
    const token = await agency.token([Role.OFFICER, Role.ANALYST], 'officer.many.tabs');
    const all = Array.from({ length: 4 }, () => subscribe(serving, `Bearer ${token}`, { filter: { agency: [agency.code] } }));
    const pumps = Array.from({ length: 4 }, () => subscribe(serving, `Bearer ${token}`, { filter: { agency: [agency.code], itemKind: ['PUMP'] } }));
    const matches = Array.from({ length: 2 }, () => subscribe(serving, `Bearer ${token}`, {}, MATCH_FOUND));
    for (const subscriber of [...all, ...pumps]) await listening(subscriber, token, 'PUMP');
    const marker = await makeSeizure(recording, token, { items: [{ kind: 'PUMP' }] });
    const after = (subscriber: Subscriber) => subscriber.events.findIndex((event) => event.seizure.id === marker.id) + 1;
    await eventually(() => [...all, ...pumps].every((subscriber) => after(subscriber) > 0));
    const skips = new Map([...all, ...pumps].map((subscriber) => [subscriber, after(subscriber)]));

    const feedReads = feedReadsOf('officer.many.tabs');
    try {
      const engine = await makeSeizure(recording, token, { reference: 'SUB-MANY-ENGINE', items: [{ kind: 'ENGINE', make: 'Velmont Marine' }] });
      const pump = await makeSeizure(recording, token, { reference: 'SUB-MANY-PUMP', items: [{ kind: 'PUMP' }] });
      await eventually(() => [...all, ...pumps].every((s) => s.events.some((event) => event.seizure.id === pump.id)));
      const heard = (s: Subscriber) => s.events.slice(skips.get(s)).map((event) => event.seizure.reference);
      expect(all.map(heard)).toEqual(all.map(() => [engine.reference, pump.reference]));
      expect(pumps.map(heard)).toEqual(pumps.map(() => [pump.reference]));
      // Ten subscriptions, two commits: a round for each (and at most the periodic one besides), not one per subscription.
      expect(feedReads.length).toBeGreaterThanOrEqual(1);
      expect(feedReads.length).toBeLessThanOrEqual(3);
    } finally {
      feedReads.stop();
    }
    expect([...all, ...pumps, ...matches].flatMap((s) => s.errors)).toEqual([]);
    expect(matches.flatMap((s) => s.events)).toEqual([]);
  });

  it('stops reading the feed for a caller as soon as its last subscription ends, however quiet the feed', async () => {
    const agency = await makeAgency(recording, { jurisdiction: 'IT' });
    const token = await agency.token([Role.ANALYST], 'analyst.leaving');
    const subscriber = subscribe(serving, `Bearer ${token}`, { filter: { agency: [agency.code] } });
    await listening(subscriber, await agency.token([Role.OFFICER]));
    const reads = feedReadsOf('analyst.leaving');
    try {
      // Quiet: the feed is still read at least once a second for the open subscription.
      await eventually(() => reads.length > 0);
      expect(reads.length).toBeGreaterThan(0);
      await subscriber.client.dispose();
      await new Promise((resolve) => setTimeout(resolve, 200));
      const atEnd = reads.length;
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(reads.length).toBe(atEnd);
    } finally {
      reads.stop();
    }
  });

  it('counts open subscriptions, the callers they belong to, and their rounds in /metrics', async () => {
    const agency = await makeAgency(recording, { jurisdiction: 'ES' });
    const token = await agency.token([Role.ANALYST], 'analyst.counted');
    const metric = async (name: string) => {
      const text = (await serving.http().get('/metrics')).text;
      return Number(text.split('\n').find((line) => line.startsWith(name))?.split(' ').pop());
    };
    const [subscriptions, callers, rounds] = await Promise.all([
      metric('registry_subscriptions{count="subscriptions"}'), metric('registry_subscriptions{count="callers"}'), metric('registry_subscription_round_duration_seconds_count'),
    ]);
    const two = [subscribe(serving, `Bearer ${token}`), subscribe(serving, `Bearer ${token}`, { filter: { itemKind: ['PUMP'] } })];
    for (const subscriber of two) await listening(subscriber, await agency.token([Role.OFFICER]), 'PUMP');
    expect(await metric('registry_subscriptions{count="subscriptions"}')).toBe(subscriptions + 2);
    expect(await metric('registry_subscriptions{count="callers"}')).toBe(callers + 1);
    expect(await metric('registry_subscription_round_duration_seconds_count')).toBeGreaterThan(rounds);
    await Promise.all(two.map((subscriber) => subscriber.client.dispose()));
    let left = NaN;
    for (let n = 0; n < 100 && left !== subscriptions; n++) {
      left = await metric('registry_subscriptions{count="subscriptions"}');
      if (left !== subscriptions) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(left).toBe(subscriptions);
  });

  it('closes the socket with 4401 for a missing, bad or expired token', async () => {
    const expired = await recording.token({ sub: 'officer.late', agency: fr.code, roles: [Role.OFFICER], expiresIn: -10 });
    for (const authorization of [null, 'Bearer not-a-token', `Bearer ${expired}`]) {
      const { code, reason } = await subscribe(serving, authorization).closed;
      expect(code).toBe(4401);
      expect(reason).toMatch(/unauthorized/);
    }
  });

  it('keeps a socket open while its token holds, however long that is, and closes it with 4401 when it expires', async () => {
    const longLived = await recording.token({ sub: 'officer.long', agency: fr.code, roles: [Role.OFFICER], expiresIn: 40 * 24 * 3600 });
    const staying = subscribe(serving, `Bearer ${longLived}`, { filter: { agency: [fr.code] } });
    await listening(staying, longLived);
    const shortLived = await recording.token({ sub: 'officer.short', agency: fr.code, roles: [Role.OFFICER], expiresIn: 2 });
    const leaving = subscribe(serving, `Bearer ${shortLived}`);
    const { code, reason } = await leaving.closed;
    expect(code).toBe(4401);
    expect(reason).toMatch(/expired/);
    expect(staying.errors).toEqual([]);
  });

  it('listens again by itself when its connection is killed, and misses nothing meanwhile', async () => {
    const token = await fr.token([Role.OFFICER]);
    const subscriber = subscribe(serving, `Bearer ${token}`, { filter: { agency: [fr.code] } });
    const skip = await listening(subscriber, token);
    const listeners = () => recording.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = 'registry-listen' AND datname = current_database()`,
    );
    const before = await listeners();
    expect(before).toHaveLength(2);
    await recording.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'registry-listen' AND datname = current_database()`);
    const missed = await makeSeizure(recording, token, { reference: 'SUB-WHILE-DOWN', items: [{ kind: 'OTHER' }] });
    await eventually(() => subscriber.events.some((event) => event.seizure.id === missed.id));
    expect(subscriber.events.slice(skip).map((event) => event.seizure.reference)).toEqual(['SUB-WHILE-DOWN']);
    let again: Array<{ pid: number }> = [];
    for (let n = 0; n < 200 && again.length < 2; n++) {
      again = await listeners();
      if (again.length < 2) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(again).toHaveLength(2);
    expect(again.map((row) => row.pid)).not.toEqual(expect.arrayContaining(before.map((row) => row.pid)));
  });
});

describe('matchFound', () => {
  let serial = 0;
  const engine = () => ({ kind: 'ENGINE', make: 'Velmont Marine', serialNumber: `SUB${process.pid}-${Date.now() % 100000}-${++serial}` });

  it('tells both agencies of a match, each from its own item, and shows the other item or a restricted hit', async () => {
    const frToken = await fr.token([Role.OFFICER, Role.ANALYST]);
    const gbToken = await gb.token([Role.OFFICER, Role.ANALYST]);
    const french = subscribe(serving, `Bearer ${frToken}`, {}, MATCH_FOUND);
    const british = subscribe(recording, `Bearer ${gbToken}`, {}, MATCH_FOUND);
    // Both listening: a probe match reaches both.
    const probeAt = async () => {
      const probe = engine();
      await makeSeizure(recording, frToken, { items: [probe] });
      await makeSeizure(serving, gbToken, { items: [probe] });
      const heard = (subscriber: Subscriber) => subscriber.events.findIndex((event) => event.item?.serialNumber === probe.serialNumber) + 1;
      await eventually(() => heard(french) > 0 && heard(british) > 0);
      return [heard(french), heard(british)];
    };
    let [frSkip, gbSkip] = await probeAt();
    for (let n = 0; n < 20 && (frSkip === 0 || gbSkip === 0); n++) [frSkip, gbSkip] = await probeAt();

    const open = engine();
    const frOpen = await makeSeizure(recording, frToken, { items: [open] });
    const gbOpen = await makeSeizure(serving, gbToken, { items: [open] });
    const strict = engine();
    const frStrict = await makeSeizure(recording, frToken, { handling: 'TLP_AMBER_STRICT', items: [strict] });
    const gbStrict = await makeSeizure(serving, gbToken, { items: [strict] });
    const phone = `+96475${String(Date.now()).slice(-8)}`;
    const frParty = (await createSupplier(recording, frToken, supplierInput({ identifiers: [{ scheme: 'PHONE', value: phone }] }))).supplier.id;
    const gbParty = (await createSupplier(serving, gbToken, supplierInput({ identifiers: [{ scheme: 'PHONE', value: phone }] }))).supplier.id;
    await eventually(() => french.events.length >= frSkip + 3 && british.events.length >= gbSkip + 3);

    const itemOf = (seizure: any) => seizure.items.nodes[0].id;
    const shown = (event: any) => event.kind === 'MATCH_FOUND'
      ? `${event.kind} ${event.item.id} ${event.match.item?.id ?? `hit ${event.match.restricted.agency.code} ${event.match.restricted.handling}`}`
      : `${event.kind} ${event.sighting.basis} ${event.sighting.record.id}`;
    expect(french.events.slice(frSkip).map(shown)).toEqual([
      `MATCH_FOUND ${itemOf(frOpen)} ${itemOf(gbOpen)}`, `MATCH_FOUND ${itemOf(frStrict)} ${itemOf(gbStrict)}`, `SIGHTING_FOUND SAME_IDENTIFIER ${gbParty}`,
    ]);
    expect(british.events.slice(gbSkip).map(shown)).toEqual([
      `MATCH_FOUND ${itemOf(gbOpen)} ${itemOf(frOpen)}`, `MATCH_FOUND ${itemOf(gbStrict)} hit ${fr.code} TLP_AMBER_STRICT`, `SIGHTING_FOUND SAME_IDENTIFIER ${frParty}`,
    ]);
    expect([french.errors, british.errors]).toEqual([[], []]);
    // The event showing a restricted hit is audited for the British subscriber.
    const audited = await recording.query(`SELECT entity_ids FROM audit_event WHERE operation = 'matchFound' AND agency_code = $1`, [gb.code]);
    expect(audited).toEqual([{ entity_ids: [itemOf(gbStrict)] }]);
  });
});
