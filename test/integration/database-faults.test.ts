// Faults of the database under a running registry: a PostgreSQL of the test's own (a child
// process) that crashes and comes back, connections killed while idle and in the middle of a
// write, a pool with no connection to spare, and a statement over the statement timeout. Waits
// are bounded to prove that nothing hangs; no speed is asserted.
import { Writable } from 'node:stream';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { Client } from 'pg';
import { Role } from '../../src/auth/roles';
import { createDataSource } from '../../src/db/data-source';
import { registryEntities } from '../../src/modules';
import { createLogger } from '../../src/shared/logger';
import { makeAgency } from '../factories/agency.factory';
import { RECORD_SEIZURE, seizureInput } from '../factories/seizure.factory';
import { ChildPostgres } from '../setup/child-postgres';
import { TestApp } from '../setup/test-app';

const CONNECTION_TIMEOUT_MS = 1000;
const STATEMENT_TIMEOUT_MS = 1000;
const POOL_SIZE = 3;

let pg: ChildPostgres;
let app: TestApp;
let token: string;
const logLines: string[] = [];

/** Polls `check` until it returns true, for at most `ms`; returns whether it did. */
async function within(ms: number, check: () => Promise<boolean>): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const ready = async () => (await app.http().get('/readyz')).status;
const record = (input: Record<string, unknown>) => app.graphql(token, RECORD_SEIZURE, { input });

/** A session of the database's owner, past row-level security, for one piece of work. */
async function asOwner<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: pg.url('registry') });
  client.on('error', () => undefined); // the server may go away under it
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}
const storedSeizures = (reference: string) =>
  asOwner(async (owner) => Number((await owner.query(`SELECT count(*) AS n FROM seizure WHERE reference = $1`, [reference])).rows[0].n));

/** The backends of the registry's pool (not this test's own connection). */
const registryBackends = `SELECT pid FROM pg_stat_activity
  WHERE datname = current_database() AND application_name = 'seizure-registry' AND pid <> pg_backend_pid()`;

beforeAll(async () => {
  pg = await ChildPostgres.create();
  await pg.start();
  const setup = new Client({ connectionString: pg.url() });
  await setup.connect();
  await setup.query('CREATE DATABASE registry');
  await setup.end();
  const migrator = createDataSource({ entities: registryEntities, url: pg.url('registry') });
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();

  const capture = new Writable({ write(chunk, _encoding, done) { logLines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  app = await TestApp.start({
    database: { url: pg.url('registry'), drop: async () => undefined },
    poolSize: POOL_SIZE,
    connectionTimeoutMs: CONNECTION_TIMEOUT_MS,
    statementTimeoutMs: STATEMENT_TIMEOUT_MS,
    logger: createLogger('debug', capture),
  });
  token = await (await makeAgency(app)).token([Role.OFFICER, Role.ANALYST]);
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await pg?.destroy();
});

describe('PostgreSQL crashes and comes back', () => {
  it('answers 503 while it is down, recovers by itself, and loses no acknowledged write', async () => {
    const before = seizureInput();
    const acknowledged = await record(before);
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body.data.seizureRecord.userErrors).toEqual([]);

    await pg.stop('immediate');
    let during: Record<string, any>;
    try {
      expect(await ready()).toBe(503);
      during = seizureInput();
      const refused = await record(during);
      expect(refused.status).toBe(503);
      expect(refused.body.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
    } finally {
      await pg.start();
    }
    // The target: ready again within ten seconds of the database, without a restart of ours.
    expect(await within(10_000, async () => (await ready()) === 200)).toBe(true);
    expect(await storedSeizures(before.reference)).toBe(1);
    expect(await storedSeizures(during.reference)).toBe(0);
    const after = await record(seizureInput());
    expect(after.status).toBe(200);
    expect(after.body.data.seizureRecord.userErrors).toEqual([]);
  });
});

describe('a subscription while PostgreSQL restarts', () => {
  it('stays open, listens again, and hears what is recorded after', async () => {
    const heard: string[] = [];
    const errors: unknown[] = [];
    const client = createClient({
      url: `${app.baseUrl.replace(/^http/, 'ws')}/graphql`, webSocketImpl: WebSocket, retryAttempts: 0,
      connectionParams: { authorization: `Bearer ${token}` },
    });
    client.subscribe({ query: 'subscription { seizureRecorded { seizure { reference } } }' }, {
      next: (result) => (result.errors ? errors.push(result.errors) : heard.push((result.data as any).seizureRecorded.seizure.reference)),
      error: (error) => errors.push(error),
      complete: () => undefined,
    });
    try {
      // Listening once a probe is heard (a subscription starts at the feed's end).
      expect(await within(10_000, async () => {
        const probe = seizureInput();
        await record(probe);
        return within(1_000, async () => heard.includes(probe.reference));
      })).toBe(true);
      const listeners = () => asOwner(async (owner) => (await owner.query(`SELECT pid FROM pg_stat_activity WHERE application_name = 'registry-listen'`)).rows);
      const before = await listeners();

      await pg.stop('immediate');
      await new Promise((resolve) => setTimeout(resolve, 1500)); // a round or two fails meanwhile
      await pg.start();
      expect(await within(10_000, async () => (await ready()) === 200)).toBe(true);
      const after = seizureInput();
      expect((await record(after)).status).toBe(200);
      expect(await within(10_000, async () => heard.includes(after.reference))).toBe(true);
      expect(errors).toEqual([]);
      expect(await within(10_000, async () => {
        const now = await listeners();
        return now.length === 1 && now[0].pid !== before[0]?.pid;
      })).toBe(true);
    } finally {
      await client.dispose();
    }
  });
});

describe('connections killed by the server', () => {
  it('drops killed idle connections from the pool, and the next requests succeed', async () => {
    await Promise.all([record(seizureInput()), record(seizureInput()), record(seizureInput())]); // fill the pool
    const killed = await asOwner((owner) => owner.query(`SELECT pg_terminate_backend(pid) FROM (${registryBackends}) AS b`));
    expect(killed.rowCount).toBeGreaterThan(0);
    for (let i = 0; i < POOL_SIZE + 1; i++) {
      const res = await record(seizureInput());
      expect(res.status).toBe(200);
      expect(res.body.data.seizureRecord.userErrors).toEqual([]);
    }
  });

  it('leaves nothing of a write whose connection is killed midway, and the retry succeeds', async () => {
    const serial = `77${Date.now()}`.slice(0, 12);
    const input = seizureInput({ notes: 'Informant Quillon Vasquez-Arden met the crew', items: [{ kind: 'ENGINE', serialNumber: serial }] });
    const res = await asOwner(async (owner) => {
      // Matching waits on this identifier's lock after the seizure and its items are inserted.
      await owner.query(`SELECT pg_advisory_lock(hashtextextended($1, 0))`, [`ENGINE:SERIAL:${serial}`]);
      const pending = record(input);
      let victim: number | undefined;
      expect(await within(10_000, async () => {
        const waiting = await owner.query(`${registryBackends} AND wait_event_type = 'Lock'`);
        victim = waiting.rows[0]?.pid;
        return victim !== undefined;
      })).toBe(true);
      await owner.query(`SELECT pg_terminate_backend($1)`, [victim]);
      await owner.query(`SELECT pg_advisory_unlock_all()`);

      return pending;
    });
    expect(res.status).toBe(503);
    expect(res.body.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
    const stored = await asOwner((owner) => owner.query(`SELECT (SELECT count(*) FROM seizure WHERE reference = $1) AS seizures,
        (SELECT count(*) FROM item WHERE serial_number = $2) AS items,
        (SELECT count(*) FROM identifier_key WHERE key = $2) AS keys`, [input.reference, serial]));
    expect(stored.rows[0]).toEqual({ seizures: '0', items: '0', keys: '0' });

    const retry = await record(input);
    expect(retry.status).toBe(200);
    expect(retry.body.data.seizureRecord.userErrors).toEqual([]);
    expect(await storedSeizures(input.reference)).toBe(1);

    // The failure was logged with its request id, and without the notes it carried.
    const failure = logLines.map((line) => JSON.parse(line)).filter((entry) => entry.requestId === res.body.errors![0].extensions!.requestId);
    expect(failure.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain('Quillon');
  });
});

describe('a pool with no connection to spare', () => {
  it('answers SERVICE_UNAVAILABLE after the configured wait instead of hanging, then serves again', async () => {
    const pool = (app.dataSource.driver as any).master;
    const held = await Promise.all(Array.from({ length: POOL_SIZE }, () => pool.connect()));
    try {
      const started = Date.now();
      const pending = app.graphql(token, `{ seizures(first: 1) { totalCount } }`);
      // While it waits, the pool's gauges say so.
      expect(await within(5 * CONNECTION_TIMEOUT_MS, async () =>
        (await app.http().get('/metrics')).text.includes('registry_db_pool_connections{state="waiting"} 1'))).toBe(true);
      const res = await pending;
      expect(res.status).toBe(503);
      expect(res.body.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
      expect(Date.now() - started).toBeLessThan(10 * CONNECTION_TIMEOUT_MS); // bounded: it did not hang
    } finally {
      held.forEach((client: { release(): void }) => client.release());
    }
    const res = await app.graphql(token, `{ seizures(first: 1) { totalCount } }`);
    expect(res.status).toBe(200);
    expect(res.body.data.seizures.totalCount).toBeGreaterThan(0);
  });
});

describe('the statement timeout', () => {
  it('cancels a statement that waits too long, changes nothing, and says the request may be retried', async () => {
    const created = await record(seizureInput());
    const seizure = created.body.data.seizureRecord.seizure;
    const res = await asOwner(async (owner) => {
      await owner.query('BEGIN');
      await owner.query(`SELECT 1 FROM seizure WHERE reference = $1 FOR UPDATE`, [seizure.reference]);
      return app.graphql(token, `mutation ($input: SeizureUpdateInput!) { seizureUpdate(input: $input) { userErrors { code } } }`,
        { input: { id: seizure.id, version: 1, notes: 'amended while locked' } });
    });
    expect(res.status).toBe(503);
    expect(res.body.errors![0].extensions!.code).toBe('SERVICE_UNAVAILABLE');
    const stored = await asOwner((owner) => owner.query(`SELECT notes, version FROM seizure WHERE reference = $1`, [seizure.reference]));
    expect(stored.rows[0]).toEqual({ notes: null, version: 1 });
  });
});
