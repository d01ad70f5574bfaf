// Builds that live outside git (dist/console/<hash>, dist/server/<stamp>) are made by whichever
// process needs them first: a lock folder lets one process build while parallel ones wait for it,
// and the build is written to a temporary folder beside its target and renamed into place, so a
// target folder is either complete or absent.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const LOCK_STALE_MS = 10 * 60 * 1000;
const OWNER_FILE = 'pid';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A lock left by a builder that died: its process is gone (same machine), or it is older than any build takes. */
function isStale(lock: string): boolean {
  const held = statSync(lock, { throwIfNoEntry: false });
  if (!held) return false;
  if (Date.now() - held.mtimeMs > LOCK_STALE_MS) return true;
  let owner: number;
  try {
    owner = Number(readFileSync(join(lock, OWNER_FILE), 'utf8'));
  } catch {
    return false; // just made: its owner has not written its pid yet
  }
  if (!Number.isInteger(owner) || owner <= 0) return false;
  try {
    process.kill(owner, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Makes `target` with `build(temporary)` unless `isComplete()` already says it exists. Returns
 * whether this call built it (false: it was there, or a parallel process built it meanwhile).
 */
export async function buildOnce(target: string, isComplete: () => boolean, build: (temporary: string) => Promise<void>): Promise<boolean> {
  if (isComplete()) return false;
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const lock = `${target}.lock`;
  for (;;) {
    if (isComplete()) return false;
    try {
      mkdirSync(lock); // atomic: exactly one process gets it
      writeFileSync(join(lock, OWNER_FILE), String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (isStale(lock)) rmSync(lock, { recursive: true, force: true });
      await sleep(250);
    }
  }
  try {
    if (isComplete()) return false;
    const temporary = join(parent, `.tmp-${basename(target)}-${process.pid}`);
    rmSync(temporary, { recursive: true, force: true });
    try {
      await build(temporary);
      renameSync(temporary, target);
    } finally {
      rmSync(temporary, { recursive: true, force: true });
    }
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Removes all but the `keep` newest build folders of `dir` named by `pattern`, never `current`. */
export function removeOldBuilds(dir: string, pattern: RegExp, current: string, keep: number): void {
  const builds = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && pattern.test(entry.name) && entry.name !== current)
    .map((entry) => ({ path: join(dir, entry.name), at: statSync(join(dir, entry.name)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const old of builds.slice(Math.max(0, keep - 1))) rmSync(old.path, { recursive: true, force: true });
}
