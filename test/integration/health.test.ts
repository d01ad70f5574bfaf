import { request as httpRequest } from 'node:http';
import { Client } from 'pg';
import { Role } from '../../src/auth/roles';
import { TestApp } from '../setup/test-app';

const ONE_MB = 1024 * 1024;

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await TestApp.start();
  token = await app.token({ sub: 'probe.analyst', agency: 'HEALTH-UNREGISTERED', roles: [Role.ANALYST] });
});
afterAll(() => app.stop());

/** The name of the database an app runs on. */
function databaseOf(target: TestApp): string {
  const { url } = target.dataSource.options as { url: string };
  return new URL(url).pathname.slice(1);
}

/** Runs SQL on the test server as its superuser, outside any app. */
async function onServer(sql: string): Promise<void> {
  const client = new Client({ connectionString: process.env.REGISTRY_TEST_SERVER_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** POSTs a body with Transfer-Encoding: chunked (no Content-Length), as a streaming client does. */
function postChunked(target: TestApp, path: string, headers: Record<string, string>, body: string): Promise<{ status?: number; text?: string; error?: string }> {
  return new Promise((resolve) => {
    const req = httpRequest(new URL(path, target.baseUrl), { method: 'POST', headers: { ...headers, 'transfer-encoding': 'chunked' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', (error) => resolve({ error: String(error) }));
    req.write(body);
    req.end();
  });
}

describe('health endpoints', () => {
  it('GET /healthz answers 200 while the process is alive', async () => {
    const res = await app.http().get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when the database answers and is migrated', async () => {
    const res = await app.http().get('/readyz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready' });
  });

  it('GET /readyz answers 503 when a migration is not applied', async () => {
    const behind = await TestApp.start();
    try {
      const [latest] = await behind.query('SELECT id FROM migrations ORDER BY timestamp DESC LIMIT 1');
      await behind.query('DELETE FROM migrations WHERE id = $1', [latest.id]);
      const res = await behind.http().get('/readyz');
      expect(res.status).toBe(503);
    } finally {
      await behind.stop();
    }
  });

  it('GET /readyz answers 503 once the database is unreachable, while /healthz stays 200', async () => {
    const doomed = await TestApp.start();
    try {
      expect((await doomed.http().get('/readyz')).status).toBe(200);
      await onServer(`DROP DATABASE ${databaseOf(doomed)} WITH (FORCE)`);

      const res = await doomed.http().get('/readyz');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({ status: 'unavailable' });
      expect((await doomed.http().get('/healthz')).status).toBe(200);
    } finally {
      // Its database is gone: stopping may complain, and that is expected here.
      await doomed.stop().catch(() => undefined);
    }
  });
});

describe('HTTP transport of /graphql', () => {
  it('runs a query sent over GET with a CSRF preflight header', async () => {
    const res = await app.http().get('/graphql')
      .query({ query: '{ viewer { subject } }' })
      .set('authorization', `Bearer ${token}`)
      .set('apollo-require-preflight', 'true');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { viewer: { subject: 'probe.analyst' } } });
  });

  it('refuses a GET query with neither a token nor a preflight header (what a cross-site page could send)', async () => {
    const res = await app.http().get('/graphql').query({ query: '{ viewer { subject } }' });
    expect(res.status).toBe(401);
    expect(res.text).not.toContain('probe.analyst');
  });

  it('refuses a mutation sent over GET with 405, and runs nothing', async () => {
    const admin = await app.token({ sub: 'get.admin', agency: 'HEALTH-UNREGISTERED', roles: [Role.ADMIN] });
    const res = await app.http().get('/graphql')
      .query({ query: 'mutation { agencyCreate(input: { code: "VIA-GET-1", name: "Made over GET", jurisdiction: "FR" }) { agency { id } } }' })
      .set('authorization', `Bearer ${admin}`)
      .set('apollo-require-preflight', 'true');
    expect(res.status).toBe(405);
    expect(await app.query(`SELECT id FROM agency WHERE code = 'VIA-GET-1'`)).toEqual([]);
  });

  it('accepts a body just under 1 MB', async () => {
    const body = JSON.stringify({ query: '{ viewer { subject } }', variables: { padding: 'p'.repeat(ONE_MB - 200) } });
    expect(body.length).toBeLessThan(ONE_MB);
    const res = await app.http().post('/graphql').set('authorization', `Bearer ${token}`).set('content-type', 'application/json').send(body);
    expect(res.status).toBe(200);
    expect(res.body.data.viewer.subject).toBe('probe.analyst');
  });

  it('refuses a body over 1 MB with 413', async () => {
    const body = JSON.stringify({ query: '{ viewer { subject } }', variables: { padding: 'p'.repeat(ONE_MB) } });
    const res = await app.http().post('/graphql').set('authorization', `Bearer ${token}`).set('content-type', 'application/json').send(body);
    expect(res.status).toBe(413);
    expect(res.body.data).toBeUndefined();
  });

  it('refuses a streamed body over 1 MB with 413, without a Content-Length to trust', async () => {
    const body = JSON.stringify({ query: '{ viewer { subject } }', variables: { padding: 'p'.repeat(ONE_MB) } });
    const res = await postChunked(app, '/graphql', { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body);
    expect(res.status).toBe(413);
    expect(res.text).not.toContain('probe.analyst');
  });

  it('refuses a body that is not valid JSON with 400', async () => {
    const res = await app.http().post('/graphql').set('authorization', `Bearer ${token}`).set('content-type', 'application/json')
      .send('{"query": "{ viewer { subject } }"');
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.data).toBeUndefined();
  });

  it.each([
    ['GET', '/'],
    ['GET', '/graphql/extra'],
    ['GET', '/admin'],
    ['POST', '/healthz-please'],
  ])('answers 404 to %s %s', async (method, path) => {
    const res = method === 'GET' ? await app.http().get(path) : await app.http().post(path).send({});
    expect(res.status).toBe(404);
  });
});
