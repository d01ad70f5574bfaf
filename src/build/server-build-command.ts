// `npm run build`, and what `npm start` runs when the sources have no build yet: builds the server
// for the current sources (nothing to do when that build exists) and prints its folder.
import { relative } from 'node:path';
import { PROJECT_ROOT } from '../shared/project-root';
import { ensureServerBuild } from './server-build';

ensureServerBuild(PROJECT_ROOT, (line) => process.stderr.write(`${line}\n`)).then(
  (dir) => process.stdout.write(`server build: ${relative(PROJECT_ROOT, dir)}\n`),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  },
);
