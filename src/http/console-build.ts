// The console's build (console/: React app and GraphiQL, bundled by Vite) lives outside git in
// dist/console/<hash>/, the hash covering everything the build reads. A server uses the build of
// the current sources, making it first when missing, so it never serves stale assets; builds are
// written to a temporary folder and renamed into place, and a lock folder lets one process build
// while parallel ones (test servers) wait for it.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const PROJECT_ROOT = join(__dirname, '..', '..');
const CONSOLE_DIR = join(PROJECT_ROOT, 'console');
const MODULES = join(PROJECT_ROOT, 'node_modules');
const BUILDS_DIR = join(PROJECT_ROOT, 'dist', 'console');
// Generated from the schema during the build, so already covered by the schema's hash.
const NOT_HASHED = new Set([join(CONSOLE_DIR, 'src', 'generated'), join(CONSOLE_DIR, 'node_modules')]);
const LOCK_STALE_MS = 10 * 60 * 1000;
const KEEP_BUILDS = 3;

function filesUnder(dir: string): string[] {
  if (NOT_HASHED.has(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** A hash of the console's sources and configuration, the schema its types come from, and the locked dependencies. */
export function consoleSourceHash(): string {
  const hash = createHash('sha256');
  const inputs = [...filesUnder(CONSOLE_DIR), join(PROJECT_ROOT, 'schema', 'schema.graphql'), join(PROJECT_ROOT, 'package-lock.json')];
  for (const file of inputs) {
    hash.update(relative(PROJECT_ROOT, file).split(sep).join('/')).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

// Always a production bundle, whatever NODE_ENV the caller runs under (Jest sets `test`, which Vite would honour).
function run(script: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', NODE_ENV: 'production' } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code === 0) return resolve();
      reject(new Error(`console build step failed (${relative(PROJECT_ROOT, script)} ${args.join(' ')}, exit ${code}):\n${output.slice(-4000)}`));
    });
  });
}

/** Generates the GraphQL types, type-checks the console against them, and bundles it into `outDir`. */
async function buildInto(outDir: string): Promise<void> {
  await run(join(MODULES, '@graphql-codegen', 'cli', 'cjs', 'bin.js'), ['--config', 'codegen.yml', '--silent'], CONSOLE_DIR);
  await run(join(MODULES, 'typescript', 'bin', 'tsc'), ['-p', 'console'], PROJECT_ROOT);
  await run(join(MODULES, 'vite', 'bin', 'vite.js'), ['build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'], CONSOLE_DIR);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function removeOldBuilds(current: string): void {
  const builds = readdirSync(BUILDS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && /^[0-9a-f]{16}$/.test(entry.name) && entry.name !== current)
    .map((entry) => ({ path: join(BUILDS_DIR, entry.name), at: statSync(join(BUILDS_DIR, entry.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of builds.slice(KEEP_BUILDS - 1)) rmSync(old.path, { recursive: true, force: true });
}

/** The folder holding the build of the current console sources; builds it first when missing. */
export async function ensureConsoleBuild(log: (line: string) => void = () => {}): Promise<string> {
  const hash = consoleSourceHash();
  const target = join(BUILDS_DIR, hash);
  const done = () => existsSync(join(target, 'index.html'));
  if (done()) return target;
  mkdirSync(BUILDS_DIR, { recursive: true });
  const lock = join(BUILDS_DIR, `${hash}.lock`);
  for (;;) {
    if (done()) return target;
    try {
      mkdirSync(lock); // atomic: exactly one process gets it
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A builder that died leaves its lock behind.
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (done()) return target;
    log(`building the console (${hash}) ...`);
    const started = Date.now();
    const temporary = join(BUILDS_DIR, `.tmp-${hash}-${process.pid}`);
    rmSync(temporary, { recursive: true, force: true });
    await buildInto(temporary);
    renameSync(temporary, target);
    removeOldBuilds(hash);
    log(`console built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${relative(PROJECT_ROOT, target)}`);
    return target;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
