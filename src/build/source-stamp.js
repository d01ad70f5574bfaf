// Which build of the server the current sources call for: a stamp of the path, size and
// modification time of every file the build reads (src/, migrations/, the benchmark's server and
// the bench/ files it imports, the tsconfig and the locked dependencies), names its folder
// dist/server/<stamp>/. Plain JavaScript, because `npm start` (src/build/start.js) checks it
// before anything can be compiled; stat calls only, so the check costs a few milliseconds on
// every start.
'use strict';
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join, relative, sep } = require('node:path');

const SOURCE_DIRS = ['src', 'migrations'];
const SOURCE_FILES = ['tsconfig.json', 'package-lock.json'];
/**
 * The benchmark's server (bench/server/bench-server.ts, run from this build by
 * bench/server/server-process.ts) and every bench/ file it imports; a new import of another
 * bench/ file must be named here. Read when present: a deployment without bench/ builds without it.
 */
const BENCH_SOURCES = ['bench/server', 'bench/scenarios', 'bench/peer/peer-read.ts'];
/** The file a complete build holds (the entry point `npm start` runs). */
const SERVER_ENTRY = join('src', 'main.js');
/** The benchmark's server in a build. */
const BENCH_SERVER_ENTRY = join('bench', 'server', 'bench-server.js');

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

function benchSources(root) {
  return BENCH_SOURCES.map((path) => join(root, ...path.split('/')))
    .flatMap((path) => {
      const stat = statSync(path, { throwIfNoEntry: false });
      if (!stat) return [];
      return stat.isDirectory() ? filesUnder(path) : [path];
    });
}

/** Every file the server's build reads, absolute, in a stable order. */
function serverSources(root) {
  return [
    ...SOURCE_DIRS.flatMap((dir) => filesUnder(join(root, dir))),
    ...benchSources(root),
    ...SOURCE_FILES.map((file) => join(root, file)),
  ];
}

function serverSourceStamp(root) {
  const hash = createHash('sha256');
  for (const file of serverSources(root)) {
    const stat = statSync(file);
    hash.update(`${relative(root, file).split(sep).join('/')}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

function serverBuildsDir(root) {
  return join(root, 'dist', 'server');
}

/** The build folder for the current sources, and whether it is there and complete. */
function currentServerBuild(root) {
  const stamp = serverSourceStamp(root);
  const dir = join(serverBuildsDir(root), stamp);
  return { stamp, dir, complete: existsSync(join(dir, SERVER_ENTRY)) };
}

module.exports = { SERVER_ENTRY, BENCH_SERVER_ENTRY, serverSources, serverSourceStamp, serverBuildsDir, currentServerBuild };
