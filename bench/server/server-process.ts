import { fork, type ChildProcess } from 'node:child_process';
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { ensureServerBuild } from '../../src/build/server-build';
import { BENCH_SERVER_ENTRY } from '../../src/build/source-stamp';
import { PROJECT_ROOT } from '../../src/shared/project-root';
import { rssBytesOf } from '../measure/proc-stat';
import { readyPortOf, stopChild } from './child-server';
import type { ServerStats } from './bench-routes';

/** As `npm start` runs the registry: stack traces name the .ts files and lines. */
const NODE_ARGS = ['--enable-source-maps'];

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  stats(): Promise<ServerStats>;
  /** Resident set size of the server process now, from /proc (null off Linux). */
  rssBytes(): number | null;
  stop(): Promise<void>;
}

export interface ServerProcessOptions {
  databaseUrl: string;
  jwtSecret: string;
  poolSize: number;
  /** File descriptor the server's logs (pino, JSON lines) go to. */
  logFd: number;
}

/**
 * Starts bench-server.ts in a child process, from the build `npm start` runs (dist/server/<stamp>/,
 * made first when the sources have changed), and waits until it listens: the server compiles
 * nothing and holds no compiler, as in production.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const build = await ensureServerBuild(PROJECT_ROOT, (line) => writeSync(options.logFd, `${line}\n`));
  const child: ChildProcess = fork(join(build, BENCH_SERVER_ENTRY), [], {
    cwd: PROJECT_ROOT,
    // BENCH_SERVER_NODE_ARGS: extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it.
    execArgv: [...NODE_ARGS, ...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LOG_LEVEL: process.env.BENCH_SERVER_LOG_LEVEL ?? 'info',
      BENCH_DATABASE_URL: options.databaseUrl,
      BENCH_JWT_SECRET: options.jwtSecret,
      BENCH_POOL_SIZE: String(options.poolSize),
    },
    stdio: ['ignore', options.logFd, options.logFd, 'ipc'],
  });
  const port = await readyPortOf(child, 'the bench server');
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    pid: child.pid!,
    async stats() {
      const res = await fetch(`${baseUrl}/bench/stats`);
      return (await res.json()) as ServerStats;
    },
    rssBytes: () => rssBytesOf(child.pid!),
    stop: () => stopChild(child),
  };
}
