// Manual smoke test (not part of the Jest suite):
//   node -r ./src/register.js test/unit/embedded-postgres.smoke.ts
import { spawn } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

async function query(url: string, sql: string): Promise<any[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const result = await fn();
  console.log(`${label}: ${(performance.now() - t0).toFixed(0)} ms`);
  return result;
}

function check(cond: unknown, msg: string): void {
  if (!cond) throw new Error(`FAILED: ${msg}`);
  console.log(`ok - ${msg}`);
}

// Child mode: start on <dir>, insert a row, report, then hang until SIGKILLed.
async function child(dataDir: string): Promise<void> {
  const pg = await startEmbeddedPostgres({ dataDir, persistent: true });
  await query(pg.url, `INSERT INTO t VALUES ('from-killed-child')`);
  process.stdout.write(`READY ${pg.port}\n`);
  setInterval(() => undefined, 1000);
}

async function main(): Promise<void> {
  const base = await fs.mkdtemp(path.join(os.tmpdir(), 'epg-smoke-'));
  await fs.chmod(base, 0o755); // the postgres OS user must be able to reach the data dir
  const dataDir = path.join(base, 'data');
  try {
    // Cold start, query, create data.
    let pg = await timed('cold start (initdb + start)', () => startEmbeddedPostgres({ dataDir, persistent: true }));
    check(/^postgres:\/\/postgres:[0-9a-f]+@127\.0\.0\.1:\d+\/postgres$/.test(pg.url), `url ${pg.url}`);
    const [{ version }] = await query(pg.url, 'SELECT version()');
    check(version.startsWith('PostgreSQL 18'), version);
    await query(pg.url, `CREATE TABLE t (v text); INSERT INTO t VALUES ('before-restart')`);
    const [{ max_connections, fsync }] = await query(pg.url, `SELECT current_setting('max_connections') max_connections, current_setting('fsync') fsync`);
    check(max_connections === '200' && fsync === 'on', `persistent flags: max_connections=${max_connections} fsync=${fsync}`);
    await timed('stop', () => pg.stop());
    await pg.stop(); // idempotent
    check(!(await exists(path.join(dataDir, 'postmaster.pid'))), 'clean stop removed postmaster.pid');

    // Warm start keeps data.
    pg = await timed('warm start', () => startEmbeddedPostgres({ dataDir, persistent: true }));
    check((await query(pg.url, 'SELECT v FROM t')).length === 1, 'table survived restart');

    // Busy port gives a clear error.
    const err = await startEmbeddedPostgres({ dataDir: path.join(base, 'other'), port: pg.port, persistent: false }).catch((e) => e);
    check(err instanceof Error && /already in use/.test(err.message), `busy port: ${err.message}`);
    await pg.stop();

    // SIGKILL the owning process: postgres keeps running; the next start must cope.
    const proc = spawn(process.execPath, ['-r', './src/register.js', __filename, 'child', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      proc.stdout.on('data', (d) => String(d).includes('READY') && resolve());
      proc.on('exit', (code) => reject(new Error(`child exited ${code}`)));
    });
    const inUse = await startEmbeddedPostgres({ dataDir, persistent: true }).catch((e) => e);
    check(inUse instanceof Error && /still in use/.test(inUse.message), `live owner: ${inUse.message}`);
    const stalePid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    proc.kill('SIGKILL');
    await new Promise((r) => proc.once('exit', r));
    await new Promise((r) => setTimeout(r, 200));
    check(alive(stalePid), `postmaster ${stalePid} still running after its owner was SIGKILLed`);
    pg = await timed('start over a stale server', () => startEmbeddedPostgres({ dataDir, persistent: true }));
    check(!alive(stalePid), 'stale postmaster stopped');
    const rows = await query(pg.url, 'SELECT v FROM t ORDER BY v');
    check(rows.map((r) => r.v).join() === 'before-restart,from-killed-child', 'data survived the SIGKILL');
    await pg.stop();

    // Stale pid file pointing at a dead process is removed.
    await fs.writeFile(path.join(dataDir, 'postmaster.pid'), '999999\n');
    pg = await startEmbeddedPostgres({ dataDir, persistent: true });
    check(true, 'start with a dead pid in postmaster.pid');
    await pg.stop();

    // A postgres failure surfaces as a real Error with postgres's own message.
    await fs.appendFile(path.join(dataDir, 'postgresql.auto.conf'), "max_connections = 'lots'\n");
    const bad = await startEmbeddedPostgres({ dataDir, persistent: true }).catch((e) => e);
    check(bad instanceof Error && /max_connections/.test(bad.message), `start failure message:\n${bad?.message}`);

    // Throwaway cluster: fsync off, dir removed on stop.
    const tmpDir = path.join(base, 'throwaway');
    pg = await timed('throwaway cold start', () => startEmbeddedPostgres({ dataDir: tmpDir, persistent: false }));
    check((await query(pg.url, `SELECT current_setting('fsync') f`))[0].f === 'off', 'throwaway: fsync=off');
    await pg.stop();
    check(!(await exists(tmpDir)), 'throwaway: data dir removed on stop');
    console.log('ALL OK');
  } finally {
    await fs.rm(base, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  return !/^\S+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
}
const exists = (f: string) => fs.access(f).then(() => true, () => false);

(process.argv[2] === 'child' ? child(process.argv[3]) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
