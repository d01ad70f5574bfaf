import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { rssBytesOf } from '../measure/proc-stat';
import { readyPortOf, stopChild } from '../server/child-server';
import type { PeerInstall } from './install';

export interface PeerProcess {
  baseUrl: string;
  pid: number;
  /** Resident set size of the peer process now, from /proc (null off Linux). */
  rssBytes(): number | null;
  stop(): Promise<void>;
}

export interface PeerProcessOptions {
  install: PeerInstall;
  /** The bench database, as a superuser (the peer introspects it; requests run as registry_app). */
  databaseUrl: string;
  /** The registry's token secret: the peer verifies the same bearer tokens. */
  jwtSecret: string;
  poolSize: number;
  /** File descriptor the peer's output goes to. */
  logFd: number;
}

/** Starts PostGraphile (bench/peer/postgraphile-server.mjs) with the peer's Node 22 and waits until it listens on 127.0.0.1. */
export async function startPeerProcess(options: PeerProcessOptions): Promise<PeerProcess> {
  const { install } = options;
  const child: ChildProcess = fork(join(install.dir, 'postgraphile-server.mjs'), [], {
    cwd: install.dir,
    execPath: install.node,
    execArgv: [],
    env: {
      PATH: process.env.PATH,
      GRAPHILE_ENV: 'production',
      NODE_ENV: 'production',
      BENCH_PEER_DATABASE_URL: options.databaseUrl,
      BENCH_PEER_JWT_SECRET: options.jwtSecret,
      BENCH_PEER_POOL_SIZE: String(options.poolSize),
    },
    stdio: ['ignore', options.logFd, options.logFd, 'ipc'],
  });
  const port = await readyPortOf(child, 'the peer (PostGraphile)');
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    rssBytes: () => rssBytesOf(child.pid!),
    stop: () => stopChild(child),
  };
}
