import { resolve } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';

/**
 * PostgreSQL settings of the benchmark's own cluster (never the app's): memory sized for this
 * 24 GiB machine instead of the small defaults, and checkpoints spaced out so bulk loading is
 * not interrupted; pg_stat_statements preloaded, planning included, so the report can say what
 * PostgreSQL spent per request (bench/measure/pg-statements.ts). Everything else is
 * PostgreSQL's default, as `npm start` runs it.
 */
export const BENCH_TUNING: Record<string, string> = {
  shared_buffers: '2GB',
  effective_cache_size: '12GB',
  maintenance_work_mem: '1GB',
  max_wal_size: '16GB',
  checkpoint_timeout: '30min',
  random_page_cost: '1.1',
  shared_preload_libraries: 'pg_stat_statements',
  // Read once the library is loaded (ALTER SYSTEM takes it before, as a placeholder).
  'pg_stat_statements.track_planning': 'on',
};
const NEEDS_RESTART = new Set(['shared_buffers', 'shared_preload_libraries']);

export interface BenchDatabase {
  url: string;
  dataDir: string;
  tuning: Record<string, string>;
  stop(): Promise<void>;
}

/**
 * The benchmark's own embedded PostgreSQL under `<dataDir>` (default `.data/bench-pg`), on a free
 * port, so the app's data under `.data/pg` is never touched. Kept between runs: a loaded `large`
 * dataset is reused.
 */
export async function startBenchPostgres(dataDir = '.data/bench-pg', log: (line: string) => void = () => {}): Promise<BenchDatabase> {
  const dir = resolve(dataDir);
  let server = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
  if (await applyTuning(server.url)) {
    log('PostgreSQL tuned for the benchmark; restarting it once for shared_buffers and shared_preload_libraries');
    await server.stop();
    server = await startEmbeddedPostgres({ dataDir: dir, persistent: true });
  }
  return { url: server.url, dataDir: dir, tuning: BENCH_TUNING, stop: () => server.stop() };
}

/** Writes the settings that differ (ALTER SYSTEM); true when one of them needs a restart. */
async function applyTuning(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    let restart = false;
    for (const [name, value] of Object.entries(BENCH_TUNING)) {
      const { rows } = await client.query(`SELECT current_setting($1, true) AS value`, [name]);
      if (rows[0].value !== null && normalise(rows[0].value) === normalise(value)) continue;
      await client.query(`ALTER SYSTEM SET ${name} = '${value}'`);
      if (NEEDS_RESTART.has(name)) restart = true;
    }
    await client.query('SELECT pg_reload_conf()');
    return restart;
  } finally {
    await client.end();
  }
}

const normalise = (value: string) => value.replace(/\s+/g, '').toLowerCase();
