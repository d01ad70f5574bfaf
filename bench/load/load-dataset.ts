import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { generateDataset } from '../generate/dataset';
import { LOAD_ORDER, type DatasetTables } from '../generate/tables';
import { GENERATOR_VERSION, type Scale } from '../scales';
import { copyIn } from './copy-in';
import { clearMarker, holdsRegistryData, readMarker, writeMarker } from './dataset-marker';
import { createIndexes, dropIndexes, secondaryIndexes } from './secondary-indexes';

export interface TableLoad {
  table: string;
  rows: number;
  megabytes: number;
  /** COPY into the registry table (constraints kept, secondary indexes dropped, foreign-key triggers off). */
  copySeconds: number;
  /** Rebuilding that table's secondary indexes afterwards, summed over its indexes. */
  indexSeconds: number;
  /** The same COPY text into an UNLOGGED table LIKE it, without indexes, constraints or triggers. */
  rawCopySeconds: number;
}

export interface LoadReport {
  generateSeconds: number;
  tables: TableLoad[];
  /** Wall time of rebuilding every secondary index (two builds at a time). */
  indexWallSeconds: number;
  matches: { rows: number; seconds: number };
  vacuumAnalyzeSeconds: number;
  totalSeconds: number;
}

export interface DatasetReport {
  scale: string;
  seed: number;
  /** True when the dataset already in the database was used as it was. */
  reused: boolean;
  loadedAt: string;
  counts: Record<string, number>;
  load: LoadReport;
}

const MATCHES_SQL = readFileSync(join(__dirname, 'matches.sql'), 'utf8');
// Every registry table the dataset fills, and those it leaves empty, emptied before a load.
const REGISTRY_TABLES = [...LOAD_ORDER, 'item_match', 'route_leg', 'audit_event'];

const seconds = (since: number) => (performance.now() - since) / 1000;

/**
 * Makes the database hold the dataset of this scale and seed: reuses it when the marker says
 * it is already there (unless `reload`), else generates it, compares each table's load with a
 * raw COPY of the same text, loads it (secondary indexes dropped and rebuilt, foreign-key
 * triggers off, since the generator keeps every reference valid), derives the matches,
 * and VACUUM ANALYZEs. Refuses a database holding registry data it did not load.
 */
export async function loadDataset(
  url: string,
  scale: Scale,
  seed: number,
  options: { reload?: boolean; log?: (line: string) => void } = {},
): Promise<DatasetReport> {
  const log = options.log ?? (() => {});
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const marker = await readMarker(client);
    if (!options.reload && marker && marker.scale === scale.name && marker.seed === seed && marker.generatorVersion === GENERATOR_VERSION) {
      log(`dataset ${scale.name} (seed ${seed}) already loaded at ${marker.loadedAt}: reusing it`);
      return { scale: scale.name, seed, reused: true, loadedAt: marker.loadedAt, counts: marker.counts, load: marker.loadReport as LoadReport };
    }
    if (!marker && (await holdsRegistryData(client))) {
      throw new Error('this database holds registry data that the benchmark did not load; give the benchmark a database of its own');
    }
    const { rows } = await client.query(`SELECT rolsuper FROM pg_roles WHERE rolname = current_user`);
    if (!rows[0]?.rolsuper) throw new Error('loading needs a superuser (COPY into tables under row-level security, foreign-key triggers off)');

    const started = performance.now();
    log(`generating the ${scale.name} dataset (seed ${seed})`);
    const dataset = generateDataset(scale, seed);
    log(`generated in ${dataset.seconds.toFixed(1)} s: ${LOAD_ORDER.map((t) => `${dataset.counts[t]} ${t}`).join(', ')}`);

    await clearMarker(client);
    await client.query(`TRUNCATE ${REGISTRY_TABLES.join(', ')} CASCADE`);
    const raw = await rawCopies(client, dataset.tables, log);
    const indexes = await secondaryIndexes(client, [...LOAD_ORDER, 'item_match']);
    await dropIndexes(client, indexes);

    const tables: TableLoad[] = [];
    await client.query('BEGIN');
    // Replica mode skips foreign-key triggers; the generator only writes references that exist.
    await client.query(`SET LOCAL session_replication_role = replica`);
    await client.query(`SET LOCAL synchronous_commit = off`);
    for (const name of LOAD_ORDER) {
      const table = dataset.tables[name];
      const copyStarted = performance.now();
      await copyIn(client, name, table.columns, table.chunks);
      tables.push({ table: name, rows: table.rows, megabytes: table.bytes / 1e6, copySeconds: seconds(copyStarted), indexSeconds: 0, rawCopySeconds: raw.get(name)! });
      log(`loaded ${name}: ${table.rows} rows in ${seconds(copyStarted).toFixed(1)} s`);
    }
    await client.query('COMMIT');
    const documentsStarted = performance.now();
    // The search documents of the adverts' texts, made by the same function as a live record's.
    await client.query(`UPDATE advert_text t SET document = advert_document(a.text, t.fold) FROM advert a WHERE a.id = t.advert_id`);
    log(`built ${dataset.counts.advert_text} advert search documents in ${seconds(documentsStarted).toFixed(1)} s`);
    // The supply steps, which the trigger on movement keeps and replica mode did not fire.
    const stepsStarted = performance.now();
    await client.query(`SELECT supply_steps_fill()`);
    log(`derived the supply steps of the movements in ${seconds(stepsStarted).toFixed(1)} s`);

    const matchesStarted = performance.now();
    await client.query('ANALYZE item, identifier_key');
    const matches = await deriveMatches(client, dataset.tables);
    const matchSeconds = seconds(matchesStarted);
    log(`derived ${matches} matches in ${matchSeconds.toFixed(1)} s`);

    const indexStarted = performance.now();
    const built = await createIndexes(async () => {
      const extra = new Client({ connectionString: url });
      await extra.connect();
      return extra;
    }, indexes, 2);
    const indexWallSeconds = seconds(indexStarted);
    for (const index of built) {
      const table = tables.find((t) => t.table === index.table);
      if (table) table.indexSeconds += index.seconds;
    }
    log(`rebuilt ${built.length} secondary indexes in ${indexWallSeconds.toFixed(1)} s`);

    const vacuumStarted = performance.now();
    await client.query(`VACUUM ANALYZE ${[...LOAD_ORDER, 'item_match'].join(', ')}`);
    const vacuumAnalyzeSeconds = seconds(vacuumStarted);
    log(`VACUUM ANALYZE in ${vacuumAnalyzeSeconds.toFixed(1)} s`);

    const load: LoadReport = {
      generateSeconds: dataset.seconds, tables, indexWallSeconds, matches: { rows: matches, seconds: matchSeconds },
      vacuumAnalyzeSeconds, totalSeconds: seconds(started),
    };
    const counts = { ...dataset.counts, item_match: matches };
    await writeMarker(client, { scale: scale.name, seed, generatorVersion: GENERATOR_VERSION, counts, loadReport: load });
    const marked = await readMarker(client);
    return { scale: scale.name, seed, reused: false, loadedAt: marked!.loadedAt, counts, load };
  } finally {
    await client.end();
  }
}

/** The floor to compare loading with: each table's COPY text into an UNLOGGED copy without indexes or triggers. */
async function rawCopies(client: Client, tables: DatasetTables, log: (line: string) => void): Promise<Map<string, number>> {
  const timings = new Map<string, number>();
  for (const name of LOAD_ORDER) {
    const table = tables[name];
    await client.query(`CREATE UNLOGGED TABLE bench_raw_copy (LIKE ${name})`);
    try {
      const started = performance.now();
      await copyIn(client, 'bench_raw_copy', table.columns, table.chunks);
      timings.set(name, seconds(started));
    } finally {
      await client.query('DROP TABLE bench_raw_copy');
    }
  }
  log(`raw COPY of every table: ${[...timings.values()].reduce((a, b) => a + b, 0).toFixed(1)} s`);
  return timings;
}

/** The matches the service would have stored, from the loaded matching index (matches.sql). */
async function deriveMatches(client: Client, tables: DatasetTables): Promise<number> {
  await client.query('BEGIN');
  try {
    await client.query(`CREATE TEMP TABLE bench_identity (item_id uuid NOT NULL, identity integer NOT NULL) ON COMMIT DROP`);
    await copyIn(client, 'bench_identity', tables.identity.columns, tables.identity.chunks);
    await client.query('ANALYZE bench_identity');
    await client.query(`SET LOCAL pg_trgm.similarity_threshold = 0.3`);
    await client.query(`SET LOCAL work_mem = '256MB'`);
    const result = await client.query(MATCHES_SQL);
    await client.query('COMMIT');
    return result.rowCount ?? 0;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}
