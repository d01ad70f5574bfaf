// Statements with parameters are named prepared statements, parsed and planned once per
// connection; a request opens its transaction and binds its caller in one round trip. One
// pooled connection, so the second request meets what the first prepared.
import type { DataSource } from 'typeorm';
import type { TokenClaims } from '../../src/auth/caller';
import { Role } from '../../src/auth/roles';
import { createDataSource } from '../../src/db/data-source';
import { statementName } from '../../src/db/named-statements';
import { RequestTransaction } from '../../src/db/request-transaction';
import { sqlStatementCount } from '../../src/db/statement-counter';
import { registryEntities } from '../../src/modules';
import { createTestDatabase } from '../setup/test-database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = createDataSource({ entities: registryEntities, url: database.url, poolSize: 1 });
  await dataSource.initialize();
  await dataSource.query(`INSERT INTO agency (code, name, jurisdiction) VALUES ('NS-HOME', 'Unité des requêtes', 'FR')`);
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

const claims: TokenClaims = { subject: 'o\'brien.analyst', agencyCode: 'NS-HOME', roles: [Role.ANALYST] };
const LOOKUP = `SELECT code FROM agency WHERE code = $1`;

/** Runs `work` in a request transaction of its own, committed. */
async function inRequest<T>(work: (tx: RequestTransaction) => Promise<T>): Promise<T> {
  const tx = new RequestTransaction(dataSource, claims);
  try {
    return await work(tx);
  } finally {
    await tx.finish(true);
  }
}

interface Prepared {
  name: string;
  statement: string;
  runs: number;
}

const preparedOnTheConnection = (tx: RequestTransaction): Promise<Prepared[]> =>
  tx.manager().then((manager) => manager.query(`SELECT name, statement, (generic_plans + custom_plans)::int AS runs FROM pg_prepared_statements ORDER BY name`));

describe('one request', () => {
  it('opens its transaction bound to the caller in one round trip (quotes in the subject and all)', async () => {
    await inRequest(async (tx) => {
      const before = sqlStatementCount();
      const caller = await tx.caller();
      expect(sqlStatementCount() - before).toBe(1);
      expect(caller.agency?.code).toBe('NS-HOME');
      const [bound] = await (await tx.manager()).query(
        `SELECT current_setting('app.subject') AS subject, current_setting('app.agency') AS agency, current_user AS role, now() = statement_timestamp() AS fresh`);
      // Inside the transaction BEGIN opened: now() is its start, older than this statement.
      expect(bound).toEqual({ subject: 'o\'brien.analyst', agency: caller.agency!.id, role: 'registry_app', fresh: false });
    });
  });
});

describe('statements with parameters', () => {
  it('are prepared under a name made from their text, once per connection, and reused by the next request', async () => {
    const first = await inRequest(async (tx) => {
      expect(await (await tx.manager()).query(LOOKUP, ['NS-HOME'])).toEqual([{ code: 'NS-HOME' }]);
      return (await preparedOnTheConnection(tx)).find((p) => p.name === statementName(LOOKUP));
    });
    expect(first).toEqual({ name: statementName(LOOKUP), statement: LOOKUP, runs: 1 });

    const second = await inRequest(async (tx) => {
      expect(await (await tx.manager()).query(LOOKUP, ['NS-ELSEWHERE'])).toEqual([]);
      return (await preparedOnTheConnection(tx)).filter((p) => p.statement === LOOKUP);
    });
    expect(second).toEqual([{ name: statementName(LOOKUP), statement: LOOKUP, runs: 2 }]);
  });

  it('but not statements without any (they stay simple queries)', async () => {
    const prepared = await inRequest(async (tx) => {
      await (await tx.manager()).query(`SELECT count(*) FROM agency`);
      return preparedOnTheConnection(tx);
    });
    expect(prepared.map((p) => p.statement)).not.toContain('SELECT count(*) FROM agency');
  });
});
