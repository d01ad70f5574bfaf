// `npm run console:build`: builds the console for the current sources (nothing to do when that build exists).
import { relative } from 'node:path';
import { ensureConsoleBuild, PROJECT_ROOT } from './console-build';

ensureConsoleBuild((line) => process.stdout.write(`${line}\n`)).then(
  (dir) => process.stdout.write(`console build: ${relative(PROJECT_ROOT, dir)}\n`),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
