// The console's build (console/: React app and GraphiQL, bundled by Vite) lives outside git in
// dist/console/<hash>/, the hash covering everything the build reads. A server uses the build of
// the current sources, making it first when missing, so it never serves stale assets; one process
// builds while parallel ones (test servers) wait for it (src/build/build-lock.ts).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { buildOnce, removeOldBuilds } from '../build/build-lock';
import { PROJECT_ROOT } from '../shared/project-root';

export { PROJECT_ROOT };
const CONSOLE_DIR = join(PROJECT_ROOT, 'console');
const MODULES = join(PROJECT_ROOT, 'node_modules');
const BUILDS_DIR = join(PROJECT_ROOT, 'dist', 'console');
// Generated from the schema during the build, so already covered by the schema's hash.
const NOT_HASHED = new Set([join(CONSOLE_DIR, 'src', 'generated'), join(CONSOLE_DIR, 'node_modules')]);
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

/** The folder holding the build of the current console sources; builds it first when missing. */
export async function ensureConsoleBuild(log: (line: string) => void = () => {}): Promise<string> {
  const hash = consoleSourceHash();
  const target = join(BUILDS_DIR, hash);
  const started = Date.now();
  const built = await buildOnce(target, () => existsSync(join(target, 'index.html')), async (temporary) => {
    log(`building the console (${hash}) ...`);
    await buildInto(temporary);
  });
  if (built) {
    removeOldBuilds(BUILDS_DIR, /^[0-9a-f]{16}$/, hash, KEEP_BUILDS);
    log(`console built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${relative(PROJECT_ROOT, target)}`);
  }
  return target;
}
