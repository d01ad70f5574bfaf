// `npm start` runs compiled JavaScript (src/build/start.js): on a copy of the project in a
// temporary folder, the first start builds dist/server/<stamp>/ and serves GraphQL from it with no
// compiler loaded, an edited source is built again before the next start runs it, two builds
// started at once leave one complete output, and a lock left by a builder that died is taken over.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Role } from '../../src/auth/roles';
import { signToken } from '../../src/auth/tokens';
import { currentServerBuild, serverSources } from '../../src/build/source-stamp';
import { createTestDatabase } from '../setup/test-database';

const ROOT = resolve(__dirname, '../..');
const SECRET = 'server-build-test-secret-long-enough-for-hs256-0123456789';
const project = mkdtempSync(join(tmpdir(), 'registry-server-build-'));
const builds = join(project, 'dist', 'server');
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let running: ChildProcess | undefined;

beforeAll(async () => {
  // What the build reads is copied (so it can be edited); the rest is the project's own.
  for (const path of ['src', 'migrations', 'tsconfig.json', 'package.json', 'package-lock.json']) cpSync(join(ROOT, path), join(project, path), { recursive: true });
  for (const path of ['node_modules', 'console', 'schema', join('dist', 'console')]) {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    symlinkSync(join(ROOT, path), join(project, path));
  }
  database = await createTestDatabase();
});
afterAll(async () => {
  running?.kill('SIGKILL');
  rmSync(project, { recursive: true, force: true });
  await database?.drop();
});

interface Output {
  code: number | null;
  output: string;
}

function collect(proc: ChildProcess): () => string {
  let output = '';
  proc.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return () => output;
}

/** `npm start` in the copy, as production runs it; resolves once it reports ready. */
function start(): Promise<{ proc: ChildProcess; port: number; output: () => string }> {
  const proc = spawn(process.execPath, [join(project, 'src', 'build', 'start.js')], {
    cwd: project,
    env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: SECRET, DATABASE_URL: database.url, DATA_DIR: join(project, '.data'), PORT: '0', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running = proc;
  const output = collect(proc);
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready within 60 s:\n${output()}`)), 60_000);
    const onData = () => {
      const port = /"port":(\d+).*"msg":"registry ready"/.exec(output())?.[1];
      if (!port) return;
      clearTimeout(timer);
      resolvePromise({ proc, port: Number(port), output });
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before it was ready:\n${output()}`));
    });
  });
}

function stop(proc: ChildProcess): Promise<number | null> {
  return new Promise((resolvePromise) => {
    proc.on('exit', (code) => resolvePromise(code));
    proc.kill('SIGTERM');
  });
}

/** `npm run build` in the copy, to its exit. */
function build(): Promise<Output> {
  const proc = spawn(process.execPath, ['-r', './src/register.js', 'src/build/server-build-command.ts'], { cwd: project, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = collect(proc);
  return new Promise((resolvePromise) => proc.on('exit', (code) => resolvePromise({ code, output: output() })));
}

function edit(file: string, from: string, to: string): void {
  const path = join(project, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
}

const buildFolders = () => readdirSync(builds).sort();

it('builds on the first start and serves GraphQL from the build, with no compiler in the process', async () => {
  const server = await start();
  expect(server.output()).toContain('building the server');
  expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
  const token = await signToken({ subject: 'build-test', agencyCode: 'FR-PAF', roles: [Role.ANALYST], expiresIn: 600 }, { secret: SECRET });
  const res = await fetch(`http://127.0.0.1:${server.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ __typename }' }),
  });
  expect(await res.json()).toEqual({ data: { __typename: 'Query' } });
  // Nothing of swc (its native binding, @swc-node/register) is mapped into the server's process.
  if (existsSync(`/proc/${server.proc.pid}/maps`)) expect(readFileSync(`/proc/${server.proc.pid}/maps`, 'utf8')).not.toMatch(/swc/);
  expect(await stop(server.proc)).toBe(0);

  // One build, laid out as the sources are; its source maps name the .ts files.
  expect(buildFolders()).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/)]);
  const output = join(builds, buildFolders()[0]);
  const map = JSON.parse(readFileSync(join(output, 'src', 'main.js.map'), 'utf8'));
  expect(resolve(output, 'src', map.sources[0])).toBe(join(project, 'src', 'main.ts'));
  expect(existsSync(join(output, 'src', 'modules', 'supply-chain', 'upstream.sql'))).toBe(true);
}, 120_000);

it('builds an edited source again before the next start runs it, and reuses a current build', async () => {
  edit('src/main.ts', 'startMs: Date.now() - started', "startMs: Date.now() - started, edition: 'edited'");
  const edited = await start();
  expect(edited.output()).toContain('building the server');
  expect(edited.output()).toContain('"edition":"edited"');
  expect(await stop(edited.proc)).toBe(0);

  const again = await start();
  expect(again.output()).not.toContain('building the server');
  expect(again.output()).toContain('"edition":"edited"');
  expect(await stop(again.proc)).toBe(0);
}, 120_000);

it('two builds started at once leave one complete output, built once', async () => {
  edit('src/main.ts', "edition: 'edited'", "edition: 'edited twice'");
  const before = buildFolders();
  const [first, second] = await Promise.all([build(), build()]);
  expect([first.code, second.code]).toEqual([0, 0]);
  expect([first.output, second.output].join('').match(/building the server/g)).toHaveLength(1);

  const made = buildFolders().filter((name) => !before.includes(name));
  expect(made).toHaveLength(1); // and no temporary folder or lock left behind
  expect(first.output).toContain(`server build: dist/server/${made[0]}`);
  expect(second.output).toContain(`server build: dist/server/${made[0]}`);
  const output = join(builds, made[0]);
  for (const source of serverSources(project).filter((file) => /\.ts$/.test(file) && !file.endsWith('.d.ts'))) {
    expect(existsSync(join(output, relative(project, source)).replace(/\.ts$/, '.js'))).toBe(true);
  }
  expect(readFileSync(join(output, 'src', 'main.js'), 'utf8')).toContain('edited twice');
  expect(existsSync(join(output, 'build.json'))).toBe(true);
}, 120_000);

it('takes over the lock of a builder that died', async () => {
  edit('src/main.ts', "edition: 'edited twice'", "edition: 'edited thrice'");
  const gone = spawnSync(process.execPath, ['-e', '']).pid!; // a process that has exited
  const lock = `${currentServerBuild(project).dir}.lock`;
  mkdirSync(lock);
  writeFileSync(join(lock, 'pid'), String(gone));
  const result = await build();
  expect(result.code).toBe(0);
  expect(result.output).toContain('building the server');
  expect(existsSync(lock)).toBe(false);
  expect(currentServerBuild(project).complete).toBe(true);
}, 60_000);
