// What a newcomer's `npm start` does, as a real process: embedded PostgreSQL, migrations, demo
// data, a demo token that reads it; SIGTERM drains and stops the database; a restart keeps the data.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
// A private folder (0700, as mkdtemp makes it), with a data folder below it that does not exist
// yet: what a newcomer's fresh checkout looks like.
const root = mkdtempSync(join(tmpdir(), 'registry-main-'));
const dataDir = join(root, 'checkout', '.data');

interface Started {
  proc: ChildProcess;
  port: number;
  token: string;
  output: () => string;
}

/** Starts `src/main.ts` on a free port and waits (bounded) until it reports ready and prints its token. */
function startMain(): Promise<Started> {
  const proc = spawn(process.execPath, ['-r', './src/register.js', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'development', DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const port = /"port":(\d+).*"msg":"registry ready"/.exec(output)?.[1];
      const token = /(ey[\w-]+\.[\w-]+\.[\w-]+)/.exec(output)?.[1];
      if (port && token) {
        clearTimeout(timer);
        resolvePromise({ proc, port: Number(port), token, output: () => output });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready:\n${output}`));
    });
  });
}

function exitOf(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('did not exit within 15 s of SIGTERM')), 15_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise(code);
    });
  });
}

async function seizureCount(started: Started): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${started.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${started.token}` },
    body: JSON.stringify({ query: '{ seizures { totalCount } }' }),
  });
  const body = (await res.json()) as { data: { seizures: { totalCount: number } } };
  return body.data.seizures.totalCount;
}

/**
 * Starts a request and sends half its body; `finish` sends the rest and resolves with the
 * answer. In between, the request is in flight.
 */
function halfSentCount(started: Started): { finish(): Promise<{ status: number; body: any }> } {
  const body = JSON.stringify({ query: '{ seizures { totalCount } }' });
  const req = request({
    host: '127.0.0.1', port: started.port, path: '/graphql', method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${started.token}` },
  });
  const answer = new Promise<{ status: number; body: any }>((resolvePromise, reject) => {
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolvePromise({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
  });
  req.write(body.slice(0, 10));
  return { finish: () => { req.end(body.slice(10)); return answer; } };
}

let running: ChildProcess | undefined;
afterAll(() => {
  running?.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('npm start', () => {
  it('serves demo data readable with the printed token, stops cleanly on SIGTERM, and keeps its data', async () => {
    const first = await startMain();
    running = first.proc;
    expect((await fetch(`http://127.0.0.1:${first.port}/readyz`)).status).toBe(200);
    const seeded = await seizureCount(first);
    expect(seeded).toBeGreaterThan(3);

    // A request in flight when SIGTERM arrives is still answered before the process stops.
    const inFlight = halfSentCount(first);
    await new Promise((done) => setTimeout(done, 1000)); // the server has taken the connection
    const exited = exitOf(first.proc);
    first.proc.kill('SIGTERM');
    await new Promise((done) => setTimeout(done, 300));
    expect(first.proc.exitCode).toBeNull(); // still draining
    expect(await inFlight.finish()).toEqual({ status: 200, body: { data: { seizures: { totalCount: seeded } } } });
    expect(await exited).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');
    expect(existsSync(join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await startMain();
    running = second.proc;
    expect(second.output()).toContain('"seeded":false');
    // Same data, and the first run's token still verifies: the development key was kept.
    expect(await seizureCount({ ...second, token: first.token })).toBe(seeded);
    second.proc.kill('SIGTERM');
    expect(await exitOf(second.proc)).toBe(0);
  }, 150_000);
});
