// The registry as the benchmark runs it, in a child process of its own so that its memory is
// measured alone: the real server (sharing rules, audit, limits; production mode), plus the
// bench-only routes of bench-routes.ts. Started by server-process.ts, never by the app.
import 'reflect-metadata';
import { Pool } from 'pg';
import { createDataSource } from '../../src/db/data-source';
import { registryEntities } from '../../src/modules';
import { createRegistryServer } from '../../src/server';
import { logger } from '../../src/shared/logger';
import { addBenchRoutes } from './bench-routes';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const url = required('BENCH_DATABASE_URL');
  const tokens = { secret: required('BENCH_JWT_SECRET') };
  const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 10);
  const dataSource = createDataSource({ entities: registryEntities, url, poolSize });
  await dataSource.initialize();
  const server = await createRegistryServer({ dataSource, tokens, logger, production: true });
  // The baselines get a pool of the same size, so neither side waits for connections more.
  const pool = new Pool({ connectionString: url, max: poolSize, application_name: 'bench-baseline' });
  pool.on('error', (error) => logger.warn({ err: error }, 'idle baseline connection lost'));
  addBenchRoutes(server.http, pool, tokens);
  await new Promise<void>((resolve) => server.http.listen(0, '127.0.0.1', resolve));
  const address = server.http.address();
  process.send?.({ type: 'ready', port: typeof address === 'object' && address ? address.port : 0 });

  process.once('SIGTERM', () => {
    void (async () => {
      await server.close();
      await Promise.all([dataSource.destroy(), pool.end()]);
      process.exit(0);
    })();
  });
}

main().catch((error) => {
  console.error(`bench server failed: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
