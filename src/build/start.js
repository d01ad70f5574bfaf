// `npm start`: runs the server's compiled JavaScript (dist/server/<stamp>/src/main.js), building it
// first when the sources have changed since (or have no build yet), so it never runs stale code.
// The build runs in a child process (swc, loaded by src/register.js), so this process compiles
// nothing and holds no compiler; when the build is current, the check is a stat of the sources.
'use strict';
const { spawnSync } = require('node:child_process');
const { join } = require('node:path');
const { currentServerBuild, SERVER_ENTRY } = require('./source-stamp');

// Stack traces name the .ts files and lines (the build's source maps); as `node --enable-source-maps`.
process.setSourceMapsEnabled(true);

const ROOT = join(__dirname, '..', '..');

function currentBuild() {
  for (let attempt = 1; ; attempt++) {
    const build = currentServerBuild(ROOT);
    if (build.complete) return build.dir;
    // A parallel start building the same sources is waited for by the child (a lock folder).
    const child = spawnSync(process.execPath, ['-r', join(ROOT, 'src', 'register.js'), join(ROOT, 'src', 'build', 'server-build-command.ts')], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    if (child.error) throw child.error;
    if (child.status !== 0) {
      console.error(`The registry could not start: its build failed (exit ${child.status ?? child.signal})`);
      process.exit(1);
    }
    // Sources edited during the build call for another one.
    if (attempt >= 3) return currentServerBuild(ROOT).dir;
  }
}

require(join(currentBuild(), SERVER_ENTRY));
