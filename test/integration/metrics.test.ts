// GET /metrics: Prometheus text an operator scrapes, counting what the registry did.
import { Role } from '../../src/auth/roles';
import { makeAgency } from '../factories/agency.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let token: string;

beforeAll(async () => {
  app = await TestApp.start();
  token = await (await makeAgency(app)).token([Role.OFFICER, Role.ANALYST]);
});
afterAll(() => app.stop());

async function scrape(): Promise<string> {
  const res = await app.http().get('/metrics');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return res.text;
}

/** The value of one sample, or 0 when the series does not exist yet. */
function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe('GET /metrics', () => {
  it('counts requests and latency by operation name and type', async () => {
    const series = 'registry_graphql_request_duration_seconds_count{operation="SeizureList",type="query"}';
    const before = sample(await scrape(), series);
    for (let i = 0; i < 3; i++) {
      const res = await app.graphql(token, `query SeizureList { seizures(first: 5) { totalCount } }`);
      expect(res.status).toBe(200);
    }
    const text = await scrape();
    expect(sample(text, series) - before).toBe(3);
    expect(sample(text, 'registry_graphql_request_duration_seconds_bucket{le="+Inf",operation="SeizureList",type="query"}') - before).toBe(3);
  });

  it('counts errors by code, those answered by GraphQL and those refused before it', async () => {
    const before = await scrape();
    await app.graphql(null, `{ viewer { subject } }`); // 401 before GraphQL runs
    await app.graphql(token, `{ seizures(first: 500) { totalCount } }`); // BAD_USER_INPUT from a resolver
    const after = await scrape();
    for (const code of ['UNAUTHENTICATED', 'BAD_USER_INPUT']) {
      const series = `registry_graphql_errors_total{code="${code}"}`;
      expect(sample(after, series) - sample(before, series)).toBe(1);
    }
    const unauthorised = 'registry_http_requests_total{route="/graphql",status="401"}';
    expect(sample(after, unauthorised) - sample(before, unauthorised)).toBe(1);
  });

  it('shows the connection pool and the process', async () => {
    const text = await scrape();
    for (const state of ['in_use', 'idle', 'waiting']) {
      expect(text).toMatch(new RegExp(`^registry_db_pool_connections\\{state="${state}"\\} \\d+$`, 'm'));
    }
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
  });

  it('keeps client-chosen operation names from growing without bound', async () => {
    for (let i = 0; i < 205; i++) await app.graphql(token, `query Screen${i} { viewer { subject } }`);
    const text = await scrape();
    const names = new Set([...text.matchAll(/registry_graphql_request_duration_seconds_count\{operation="([^"]+)"/g)].map((m) => m[1]));
    expect(names.size).toBeLessThanOrEqual(202); // 200 names, `anonymous` and `other`
    expect(names.has('other')).toBe(true);
  });
});
