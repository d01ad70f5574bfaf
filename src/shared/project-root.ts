// The project's folder (the one holding package.json), found from this file's place so that it is
// the same whether the sources run as TypeScript (src/shared/) or as the build of them
// (dist/server/<stamp>/src/shared/, which holds no package.json).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(__dirname);
