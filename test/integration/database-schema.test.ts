// schema/database.sql describes the database the migrations build, as schema/schema.graphql does
// the API: a change to the migrations shows up there, in review.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { describeDatabase } from '../../src/db/schema-description';
import { createTestDatabase } from '../setup/test-database';

const COMMITTED = join(__dirname, '..', '..', 'schema', 'database.sql');

/** The first lines where two texts part, with a little context, for the failure message. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const around = (lines: string[]) => lines.slice(Math.max(0, i - 2), i + 4).map((l) => `    ${l}`).join('\n');
  return `first difference at line ${i + 1}:\n  committed:\n${around(a)}\n  migrated:\n${around(b)}`;
}

describe('the committed database description', () => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let client: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    client = new Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await database?.drop();
  });

  it('is exactly what the migrations build (run `npm run schema:database` after changing a migration)', async () => {
    const migrated = await describeDatabase((sql) => client.query(sql).then((result) => result.rows));
    const committed = readFileSync(COMMITTED, 'utf8');
    if (migrated !== committed) {
      throw new Error(`schema/database.sql is not what the migrations build: run \`npm run schema:database\` and review the change.\n${firstDifference(committed, migrated)}`);
    }
  });

  it('names no monthly audit partition, only the partitioning and the default partition', () => {
    const committed = readFileSync(COMMITTED, 'utf8');
    expect(committed).toContain('PARTITION BY RANGE (at)');
    expect(committed).toContain('CREATE TABLE audit_event_default PARTITION OF audit_event DEFAULT;');
    expect(committed).not.toMatch(/audit_event_\d{4}_\d{2}/);
  });
});
