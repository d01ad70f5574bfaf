import type { ClientBase } from 'pg';

/** What a loaded dataset is, kept in the bench database so the next run can reuse it. */
export interface DatasetMarker {
  scale: string;
  seed: number;
  generatorVersion: number;
  counts: Record<string, number>;
  loadReport: unknown;
  loadedAt: string;
}

// Not a registry table: it exists only in databases the benchmark has loaded.
const CREATE = `CREATE TABLE IF NOT EXISTS bench_dataset (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  scale text NOT NULL, seed integer NOT NULL, generator_version integer NOT NULL,
  counts jsonb NOT NULL, load_report jsonb NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now())`;

export async function readMarker(client: ClientBase): Promise<DatasetMarker | null> {
  const { rows } = await client.query(`SELECT to_regclass('public.bench_dataset') IS NOT NULL AS present`);
  if (!rows[0].present) return null;
  const found = await client.query(`SELECT scale, seed, generator_version, counts, load_report, loaded_at FROM bench_dataset`);
  const row = found.rows[0];
  return row
    ? { scale: row.scale, seed: row.seed, generatorVersion: row.generator_version, counts: row.counts, loadReport: row.load_report, loadedAt: row.loaded_at.toISOString() }
    : null;
}

export async function clearMarker(client: ClientBase): Promise<void> {
  await client.query(CREATE);
  await client.query('DELETE FROM bench_dataset');
}

export async function writeMarker(client: ClientBase, marker: Omit<DatasetMarker, 'loadedAt'>): Promise<void> {
  await client.query(CREATE);
  await client.query('DELETE FROM bench_dataset');
  await client.query(
    `INSERT INTO bench_dataset (scale, seed, generator_version, counts, load_report) VALUES ($1, $2, $3, $4, $5)`,
    [marker.scale, marker.seed, marker.generatorVersion, JSON.stringify(marker.counts), JSON.stringify(marker.loadReport)],
  );
}

/** Whether the registry tables hold anything: a database with data but no marker is not the benchmark's to overwrite. */
export async function holdsRegistryData(client: ClientBase): Promise<boolean> {
  const { rows } = await client.query(
    `SELECT EXISTS (SELECT 1 FROM agency) OR EXISTS (SELECT 1 FROM seizure) OR EXISTS (SELECT 1 FROM supplier) AS any`,
  );
  return rows[0].any;
}
