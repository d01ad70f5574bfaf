// Migrations own the schema (never the ORM at run time): the entities must describe exactly what the
// migrations build, every migration must revert and re-apply cleanly, and the migrations table must
// record them all in source order. Runs on a fresh database cloned from the migrated template.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { createDataSource } from '../../src/db/data-source';
import { registryEntities } from '../../src/modules';
import { createTestDatabase } from '../setup/test-database';

const MIGRATIONS_DIR = path.resolve(__dirname, '../../migrations');
const APP_TABLES = ['agency', 'seizure', 'item'];

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = createDataSource({ entities: registryEntities, url: database.url, poolSize: 2 });
  await dataSource.initialize();
});

afterAll(async () => {
  if (dataSource?.isInitialized) await dataSource.destroy();
  await database?.drop();
});

/** The names TypeORM records for the migrations of migrations/index.ts, in that order. */
const sourceNames = (): string[] => migrations.map((M) => (new (M as new () => { name?: string })()).name ?? M.name);

/** What the migrations table says was applied, oldest first. */
const appliedNames = async (): Promise<string[]> =>
  (await dataSource.query(`SELECT name FROM migrations ORDER BY id`)).map((r: { name: string }) => r.name);

/** Fails, listing the SQL, when the entities describe a schema other than the database's. */
async function expectSchemaMatchesEntities(when: string): Promise<void> {
  const pending = (await dataSource.driver.createSchemaBuilder().log()).upQueries.map((q) => q.query);
  if (pending.length > 0) {
    throw new Error(
      `${when}: the entities and the migrations disagree; TypeORM would still run ${pending.length} statement(s):\n` +
        pending.map((sql) => `  ${sql};`).join('\n') +
        '\nWrite a migration for the entity change (npm run migration:generate), or fix the entity.',
    );
  }
}

/** Everything in the public schema that a migration creates (the migrations table itself aside). */
async function publicSchemaObjects(): Promise<string[]> {
  const rows: Array<{ object: string }> = await dataSource.query(`
    SELECT 'table ' || c.relname AS object FROM pg_class c
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        AND c.relname NOT IN ('migrations', 'typeorm_metadata')
    UNION ALL
    SELECT 'index ' || c.relname FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
      WHERE c.relnamespace = 'public'::regnamespace
        AND i.indrelid NOT IN ('public.migrations'::regclass)
        AND (to_regclass('public.typeorm_metadata') IS NULL OR i.indrelid <> to_regclass('public.typeorm_metadata'))
    UNION ALL
    SELECT 'type ' || t.typname FROM pg_type t
      WHERE t.typnamespace = 'public'::regnamespace AND t.typtype IN ('e', 'd', 'c') AND t.typrelid = 0
    UNION ALL
    SELECT 'function ' || p.proname FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
    UNION ALL
    SELECT 'policy ' || polname FROM pg_policy
    ORDER BY 1`);
  return rows.map((r) => r.object);
}

describe('migrations', () => {
  it('(a) the entities and the migrations agree: the schema builder has nothing to change', async () => {
    expect(await appliedNames()).not.toHaveLength(0); // the template really was migrated
    await expectSchemaMatchesEntities('on the migrated database');
  });

  it('(c) the migrations table lists every migration, in source order', async () => {
    // Every migration file is registered in migrations/index.ts (an unlisted one would never run).
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{13}-.+\.ts$/.test(f)).sort();
    const classesInFiles = files.flatMap((file) =>
      Object.values(require(path.join(MIGRATIONS_DIR, file)) as Record<string, unknown>).filter((x) => typeof x === 'function'),
    );
    expect(classesInFiles.length).toBeGreaterThanOrEqual(files.length);
    expect(new Set(migrations)).toEqual(new Set(classesInFiles));

    // Source order is chronological (TypeORM orders by the timestamp in the name), and applied in full.
    const names = sourceNames();
    const timestamps = names.map((name) => Number(name.slice(-13)));
    expect(timestamps).toEqual([...timestamps].sort((a, b) => a - b));
    expect(await appliedNames()).toEqual(names);
    expect(await dataSource.showMigrations()).toBe(false); // nothing pending
  });

  it('(b) every migration reverts cleanly, down to an empty schema, and re-applies cleanly', async () => {
    const names = sourceNames();
    const reverted: string[] = [];
    for (let applied = await appliedNames(); applied.length > 0; applied = await appliedNames()) {
      if (reverted.length >= names.length) throw new Error(`still applied after ${reverted.length} reverts: ${applied.join(', ')}`);
      await dataSource.undoLastMigration({ transaction: 'each' });
      const after = await appliedNames();
      expect(after).toEqual(applied.slice(0, -1)); // exactly the latest one was reverted
      reverted.push(applied[applied.length - 1]);
    }
    expect(reverted).toEqual([...names].reverse());

    // Nothing left behind: no tables (seizure, item, agency), indexes, enum types, functions or policies.
    const tables: Array<{ table_name: string }> = await dataSource.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = ANY($1)`, [APP_TABLES]);
    expect(tables).toEqual([]);
    expect(await publicSchemaObjects()).toEqual([]);

    const reapplied = await dataSource.runMigrations({ transaction: 'each' });
    expect(reapplied.map((m) => m.name)).toEqual(names);
    expect(await appliedNames()).toEqual(names);
    await expectSchemaMatchesEntities('after reverting and re-applying every migration');
  });
});
