// The peer server: PostGraphile 5 over the bench database, on a free port of 127.0.0.1, in a
// child process of the bench (bench/peer/postgraphile-process.ts starts it with Node 22 and
// talks to it over IPC). Answers GraphQL at /graphql.
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { grafserv } from 'postgraphile/grafserv/node';
import { benchPreset } from './preset.mjs';

function required(name) {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main() {
  const pool = new pg.Pool({
    connectionString: required('BENCH_PEER_DATABASE_URL'), max: Number(process.env.BENCH_PEER_POOL_SIZE ?? 10), application_name: 'bench-peer',
  });
  pool.on('error', (error) => console.error(`idle peer connection lost: ${error.message}`));
  // Agencies are the dataset's, loaded before any request: the binding needs their ids.
  const { rows } = await pool.query('SELECT id, code FROM agency');
  const agencyIds = new Map(rows.map((row) => [row.code, row.id]));
  const pgl = postgraphile(benchPreset({ pool, secret: required('BENCH_PEER_JWT_SECRET'), agencyIds }));
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server);
  await pgl.getSchema();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send?.({ type: 'ready', port: server.address().port });

  process.once('SIGTERM', () => {
    server.close();
    server.closeAllConnections?.();
    void Promise.allSettled([pgl.release(), pool.end()]).then(() => process.exit(0));
  });
}

main().catch((error) => {
  console.error(`peer server failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
