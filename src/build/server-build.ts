// The server's build: src/, migrations/ and the benchmark's server (bench/server/ and the bench/
// files it imports) compiled by swc to CommonJS in dist/server/<stamp>/, laid out as the sources
// are (src/main.ts -> src/main.js), with source maps that name the .ts files, and every other file
// (the walks' .sql) copied beside them so that `__dirname` paths work in both. `npm start` runs it
// (src/build/start.js), and so does the benchmark (bench/server/server-process.ts); Jest and the
// other scripts keep compiling at run time. Made once per stamp of the sources
// (src/build/source-stamp.js), by one process while parallel ones wait (src/build/build-lock.ts).
import { transformFile, type Options } from '@swc/core';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { buildOnce, removeOldBuilds } from './build-lock';
import compileOptions = require('./compile-options');
import { currentServerBuild, SERVER_ENTRY, serverBuildsDir, serverSources, serverSourceStamp } from './source-stamp';

const KEEP_BUILDS = 3;
/** Written last into a build, naming the stamp it was made for. */
export const BUILD_INFO = 'build.json';

/** As the tests compile (compile-options.js), with source maps naming the .ts file. */
function swcOptions(sourceFileName: string): Options {
  return { swcrc: false, configFile: false, sourceMaps: true, inlineSourcesContent: false, sourceFileName, ...compileOptions };
}

function isCompiled(file: string): boolean {
  return file.endsWith('.ts') && !file.endsWith('.d.ts');
}

/** Compiles (or copies) every source file under `root` into `outDir`; returns how many files it wrote. */
export async function buildServerInto(root: string, outDir: string): Promise<number> {
  const files = serverSources(root).filter((file) => relative(root, file).includes(sep)); // the source folders, not the root files
  await Promise.all(files.map(async (file) => {
    const out = join(outDir, relative(root, file));
    mkdirSync(dirname(out), { recursive: true });
    if (file.endsWith('.d.ts')) return;
    if (!isCompiled(file)) return copyFileSync(file, out);
    const js = out.replace(/\.ts$/, '.js');
    const output = await transformFile(file, swcOptions(relative(dirname(js), file).split(sep).join('/')));
    writeFileSync(js, `${output.code}\n//# sourceMappingURL=${basename(js)}.map\n`);
    writeFileSync(`${js}.map`, output.map!);
  }));
  return files.length;
}

class SourcesChanged extends Error {}

/**
 * The folder holding the build of the current sources under `root`; builds it first when missing.
 * A source changed while it was being built discards that build and makes it again.
 */
export async function ensureServerBuild(root: string, log: (line: string) => void = () => {}): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const { stamp, dir, complete } = currentServerBuild(root);
    if (complete) return dir;
    const started = Date.now();
    try {
      const built = await buildOnce(dir, () => existsSync(join(dir, SERVER_ENTRY)), async (temporary) => {
        log(`building the server (${stamp}) ...`);
        const files = await buildServerInto(root, temporary);
        if (serverSourceStamp(root) !== stamp) throw new SourcesChanged(`sources changed during the server's build (${stamp})`);
        writeFileSync(join(temporary, BUILD_INFO), `${JSON.stringify({ stamp, files, builtAt: new Date().toISOString() })}\n`);
      });
      if (built) {
        removeOldBuilds(serverBuildsDir(root), /^[0-9a-f]{16}$/, stamp, KEEP_BUILDS);
        log(`server built in ${((Date.now() - started) / 1000).toFixed(1)} s: ${relative(root, join(dir, SERVER_ENTRY))}`);
      }
      return dir;
    } catch (error) {
      if (!(error instanceof SourcesChanged) || attempt >= 5) throw error;
      log(error.message);
    }
  }
}
