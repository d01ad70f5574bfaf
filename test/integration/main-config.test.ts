// `npm start` with a configuration it cannot run with: one clear line naming the variable, no
// stack trace, a non-zero exit, and nothing started.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const dataDir = mkdtempSync(join(tmpdir(), 'registry-main-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `src/main.ts` with `env` until it exits (bounded: it must not hang or start serving). */
function runMain(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const proc = spawn(process.execPath, ['-r', './src/register.js', 'src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, JWT_SECRET: '', DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  proc.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`still running after 20 s:\n${output}`));
    }, 20_000);
    proc.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, output });
    });
  });
}

it.each<[string, Record<string, string>, RegExp]>([
  ['production without JWT_SECRET', { NODE_ENV: 'production' }, /The registry could not start: JWT_SECRET is required when NODE_ENV=production/],
  ['a request limit that is not a number', { NODE_ENV: 'development', GRAPHQL_MAX_COST: 'lots' }, /The registry could not start: GRAPHQL_MAX_COST must be an integer/],
])('refuses to start with %s: a clear message, no stack trace, exit code 1', async (_name, env, message) => {
  const { code, output } = await runMain(env);
  expect(code).toBe(1);
  expect(output).toMatch(message);
  expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(output).not.toContain('"stack"');
  expect(output).not.toContain('registry ready');
  expect(readdirSync(dataDir)).toEqual([]); // no database started, no key written
});
