// src/db/embedded-postgres.ts under real process lifecycles: each server here is held by a child
// process (test/support/embedded-postgres-child.ts), because the package is ESM-only and cannot be
// loaded inside a Jest test file, and because crashes and signals need a process to kill.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

const ROOT = path.resolve(__dirname, '../..');
const CHILD_SCRIPT = 'test/support/embedded-postgres-child.ts';
const READY_MS = 30_000; // a cold start is ~1.5 s; crash recovery can take longer
const EXIT_MS = 15_000;
const TEST_MS = 90_000;

interface ReadyEvent {
  event: 'ready';
  pid: number;
  url: string;
  port: number;
  postmasterPid: number;
  initialisedBefore: boolean;
  startMs: number;
  startupLog: string[];
  rows?: string[];
}
type ChildEvent = ReadyEvent | { event: 'error'; message: string } | { event: 'stopped'; stopMs: number };
interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One child process holding (or trying to start) an embedded server; every wait is bounded. */
class PostgresChild {
  private readonly events: ChildEvent[] = [];
  private readonly changed = new EventEmitter();
  private stdoutRest = '';
  private stderr = '';
  exit: Exit | undefined;

  constructor(
    readonly proc: ChildProcessWithoutNullStreams,
    readonly label: string,
  ) {
    proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (this.stdoutRest + chunk).split('\n');
      this.stdoutRest = lines.pop()!;
      for (const line of lines.filter((l) => l.trim())) {
        try {
          this.events.push(JSON.parse(line));
        } catch {
          this.stderr += `[non-JSON stdout] ${line}\n`;
        }
      }
      this.changed.emit('change');
    });
    proc.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    // 'close': exited and stdout fully read, so no event can still be on its way.
    proc.on('close', (code, signal) => {
      this.exit = { code, signal };
      this.changed.emit('change');
    });
  }

  private describe(): string {
    const status = this.exit ? `exited with ${this.exit.signal ?? `code ${this.exit.code}`}` : 'still running';
    return `child "${this.label}" (pid ${this.proc.pid}, ${status}); stderr:\n${this.stderr || '(empty)'}`;
  }

  private waitUntil<T>(take: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = take();
        if (value !== undefined) finish(() => resolve(value));
        else if (this.exit && what !== 'exit') finish(() => reject(new Error(`no ${what} before the end of ${this.describe()}`)));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`no ${what} within ${timeoutMs} ms from ${this.describe()}`))), timeoutMs);
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        this.changed.off('change', check);
        settle();
      };
      this.changed.on('change', check);
      check();
    });
  }

  /** The next JSON line the child prints. */
  next(timeoutMs = READY_MS): Promise<ChildEvent> {
    return this.waitUntil(() => this.events.shift(), timeoutMs, 'event');
  }

  async ready(): Promise<ReadyEvent> {
    const event = await this.next(READY_MS);
    if (event.event !== 'ready') throw new Error(`expected "ready", got ${JSON.stringify(event)} from ${this.describe()}`);
    return event;
  }

  closed(timeoutMs = EXIT_MS): Promise<Exit> {
    return this.waitUntil(() => this.exit, timeoutMs, 'exit');
  }

  /** Asks for a clean stop over stdin; resolves once the child has stopped the server and exited 0. */
  async stop(): Promise<void> {
    this.proc.stdin.write('stop\n');
    const event = await this.next(EXIT_MS);
    if (event.event !== 'stopped') throw new Error(`expected "stopped", got ${JSON.stringify(event)} from ${this.describe()}`);
    expect(await this.closed()).toEqual({ code: 0, signal: null });
  }

  kill(signal: NodeJS.Signals): void {
    if (!this.exit) this.proc.kill(signal);
  }
}

let base: string;
const children: PostgresChild[] = [];
const dataDirs: string[] = [];
const timings: string[] = [];

function launch(label: string, dataDir: string, args: string[] = []): PostgresChild {
  const proc = spawn(process.execPath, ['-r', './src/register.js', CHILD_SCRIPT, dataDir, ...args], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const child = new PostgresChild(proc, label);
  children.push(child);
  return child;
}

async function startServer(label: string, dataDir: string, args: string[] = []): Promise<[PostgresChild, ReadyEvent]> {
  const child = launch(label, dataDir, args);
  const ready = await child.ready();
  timings.push(`${label}: start ${ready.startMs} ms`);
  return [child, ready];
}

function newDataDir(name: string): string {
  const dataDir = path.join(base, name);
  dataDirs.push(dataDir);
  return dataDir;
}

async function query<T = any>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

const pidFile = (dataDir: string) => path.join(dataDir, 'postmaster.pid');
const postmasterPidIn = (dataDir: string) => Number(readFileSync(pidFile(dataDir), 'utf8').split('\n')[0]);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Alive and not a zombie (an orphaned server that exited may linger unreaped for a moment). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number, what: string): Promise<number> {
  const t0 = Date.now();
  while (!condition()) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`);
    await sleep(25);
  }
  return Date.now() - t0;
}

beforeAll(async () => {
  base = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-epg-test-'));
  await fs.chmod(base, 0o755); // the postgres OS user must be able to reach the data dirs
});

afterAll(async () => {
  // Children first (a failed test may have left one running), then any server that outlived its
  // owner (the SIGKILL case), then the files (data dirs and their `<dataDir>.password`).
  for (const child of children) child.kill('SIGKILL');
  await Promise.all(children.map((child) => child.closed(5000).catch(() => undefined)));
  for (const dataDir of dataDirs) {
    let pid: number;
    try {
      pid = postmasterPidIn(dataDir);
    } catch {
      continue;
    }
    if (!(pid > 0) || !isAlive(pid) || !/postgres/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))) continue;
    process.kill(pid, 'SIGQUIT');
    await waitFor(() => !isAlive(pid), 5000, `leftover postmaster ${pid} exits`).catch(() => process.kill(pid, 'SIGKILL'));
  }
  if (base) {
    for (const dataDir of dataDirs) await fs.rm(`${dataDir}.password`, { force: true });
    await fs.rm(base, { recursive: true, force: true });
  }
  if (timings.length) console.log(`embedded PostgreSQL timings:\n  ${timings.join('\n  ')}`);
}, 30_000);

describe('embedded PostgreSQL held by a child process', () => {
  it('(a) after its owner is SIGKILLed, the orphaned server is stopped by the next start, which keeps the data', async () => {
    const dataDir = newDataDir('sigkill');
    const [owner, first] = await startServer('owner (to be SIGKILLed)', dataDir, ['--create-table', 'kept', '--row', 'from-killed-owner']);
    expect(postmasterPidIn(dataDir)).toBe(first.postmasterPid);

    // While the owner lives, another process must refuse to take its server over.
    const intruder = launch('intruder', dataDir);
    const refused = await intruder.next();
    expect(refused).toEqual({ event: 'error', message: expect.stringContaining(`still in use by running process ${owner.proc.pid}`) });
    expect(await intruder.closed()).toEqual({ code: 1, signal: null });
    expect(isAlive(first.postmasterPid)).toBe(true);

    owner.kill('SIGKILL');
    expect(await owner.closed()).toEqual({ code: null, signal: 'SIGKILL' });
    // The premise: the server outlives its owner and still holds the data dir.
    await sleep(200);
    expect(isAlive(first.postmasterPid)).toBe(true);
    expect(postmasterPidIn(dataDir)).toBe(first.postmasterPid);

    const [successor, second] = await startServer('successor (after SIGKILL)', dataDir, ['--read-table', 'kept']);
    expect(isAlive(first.postmasterPid)).toBe(false);
    expect(second.postmasterPid).not.toBe(first.postmasterPid);
    expect(second.rows).toEqual(['from-killed-owner']);
    // The orphan was given a fast (clean) shutdown, so the successor needed no crash recovery.
    expect(second.startupLog.join('\n')).toMatch(/database system was shut down at/);
    expect(second.startupLog.join('\n')).not.toMatch(/not properly shut down|interrupted|automatic recovery/);
    await successor.stop();
  }, TEST_MS);

  it('(b) SIGTERM to the process holding the server stops PostgreSQL cleanly', async () => {
    const dataDir = newDataDir('sigterm');
    const [holder, first] = await startServer('holder (to be SIGTERMed)', dataDir, ['--create-table', 'kept', '--row', 'before-sigterm']);
    expect(postmasterPidIn(dataDir)).toBe(first.postmasterPid);
    expect(isAlive(first.postmasterPid)).toBe(true);

    const t0 = Date.now();
    holder.kill('SIGTERM');
    const exit = await holder.closed(EXIT_MS);
    expect(exit.signal).not.toBe('SIGKILL');
    await waitFor(() => !existsSync(pidFile(dataDir)) && !isAlive(first.postmasterPid), EXIT_MS, 'postmaster.pid is gone and the server has exited');
    timings.push(`SIGTERM to server gone: ${Date.now() - t0} ms (holder exit ${exit.signal ?? `code ${exit.code}`})`);

    // "Cleanly": the next start finds a cluster that was shut down, not one to recover.
    const [next, second] = await startServer('restart after SIGTERM', dataDir, ['--read-table', 'kept']);
    expect(second.startupLog.join('\n')).toMatch(/database system was shut down at/);
    expect(second.startupLog.join('\n')).not.toMatch(/not properly shut down|interrupted|automatic recovery/);
    expect(second.rows).toEqual(['before-sigterm']);
    await next.stop();
  }, TEST_MS);

  it('(c) a cold start creates the cluster; after a clean stop a warm start reuses it and its data', async () => {
    const dataDir = newDataDir('warm');
    const [cold, first] = await startServer('cold start (initdb + start)', dataDir, ['--create-table', 'kept', '--row', 'from-cold-start']);
    expect(first.initialisedBefore).toBe(false);
    expect(first.url).toMatch(/^postgres:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/postgres$/);
    expect(first.port).toBe(Number(new URL(first.url).port));
    const [settings] = await query(first.url,
      `SELECT version() AS version, current_setting('max_connections') AS max_connections, current_setting('fsync') AS fsync`);
    expect(settings).toEqual({ version: expect.stringMatching(/^PostgreSQL 18\./), max_connections: '200', fsync: 'on' });
    const clusterIdentity = `SELECT system_identifier::text AS id FROM pg_control_system()`; // set by initdb, once
    const [cluster] = await query(first.url, clusterIdentity);
    expect((await fs.stat(`${dataDir}.password`)).mode & 0o777).toBe(0o600);
    await cold.stop(); // calls stop() twice: it is idempotent
    expect(existsSync(pidFile(dataDir))).toBe(false);
    expect(isAlive(first.postmasterPid)).toBe(false);

    const [warm, second] = await startServer('warm start', dataDir, ['--read-table', 'kept']);
    expect(second.initialisedBefore).toBe(true);
    expect(new URL(second.url).password).toBe(new URL(first.url).password); // same cluster, same password file
    expect(second.rows).toEqual(['from-cold-start']);
    expect(second.startupLog.join('\n')).toMatch(/database system was shut down at/);
    expect(await query(second.url, clusterIdentity)).toEqual([cluster]); // no initdb: the same cluster
    await warm.stop();
  }, TEST_MS);

  it('starts over a postmaster.pid that names a dead process, and reports a bad configuration with PostgreSQL\'s own message', async () => {
    const dataDir = newDataDir('faults');
    const [cold, first] = await startServer('cold start for faults', dataDir);
    await cold.stop();

    // As if the server had crashed leaving its pid file: that process is gone now.
    expect(isAlive(first.postmasterPid)).toBe(false);
    await fs.writeFile(pidFile(dataDir), `${first.postmasterPid}\n${dataDir}\n`);
    const [afterStalePid] = await startServer('start over a dead pid', dataDir);
    await afterStalePid.stop();

    await fs.appendFile(path.join(dataDir, 'postgresql.auto.conf'), "max_connections = 'lots'\n");
    const broken = launch('bad configuration', dataDir);
    const failure = await broken.next();
    expect(failure).toEqual({ event: 'error', message: expect.stringMatching(/PostgreSQL failed to start[\s\S]*max_connections/) });
    expect(await broken.closed()).toEqual({ code: 1, signal: null });
    expect(existsSync(pidFile(dataDir)) && isAlive(postmasterPidIn(dataDir))).toBe(false);
  }, TEST_MS);

  it('refuses a busy port with a clear message and leaves no data dir behind', async () => {
    const busyPort = new URL(process.env.REGISTRY_TEST_SERVER_URL!).port; // the suite's own server
    const dataDir = newDataDir('busy-port');
    const child = launch('busy port', dataDir, ['--throwaway', '--port', busyPort]);
    expect(await child.next()).toEqual({ event: 'error', message: expect.stringContaining(`port ${busyPort} on 127.0.0.1 is already in use`) });
    expect(await child.closed()).toEqual({ code: 1, signal: null });
    expect(existsSync(dataDir)).toBe(false);
  }, TEST_MS);

  it('runs a throwaway cluster with fsync off and removes it on stop, and when its holder is SIGTERMed', async () => {
    const dataDir = newDataDir('throwaway');
    const [child, ready] = await startServer('throwaway cold start', dataDir, ['--throwaway']);
    expect(existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    const [settings] = await query(ready.url, `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync`);
    expect(settings).toEqual({ fsync: 'off', sync: 'off' });
    await child.stop();
    expect(existsSync(dataDir)).toBe(false);
    expect(existsSync(`${dataDir}.password`)).toBe(false);

    const [holder, again] = await startServer('throwaway cold start (to be SIGTERMed)', dataDir, ['--throwaway']);
    holder.kill('SIGTERM');
    await holder.closed();
    await waitFor(() => !isAlive(again.postmasterPid), EXIT_MS, 'the throwaway server has exited');
    expect(existsSync(dataDir)).toBe(false);
  }, TEST_MS);
});
