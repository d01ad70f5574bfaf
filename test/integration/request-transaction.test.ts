// A request's connection never goes back to the pool inside a transaction or in an unknown
// state, whatever failed and wherever; and a request whose transaction did not commit is never
// acknowledged. One pooled connection, so a broken one would be the next request's.
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import type { TokenClaims } from '../../src/auth/caller';
import { Role } from '../../src/auth/roles';
import { createDataSource } from '../../src/db/data-source';
import { registryEntities } from '../../src/modules';
import { RequestTransaction } from '../../src/db/request-transaction';
import { createTestDatabase } from '../setup/test-database';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
let dataSource: DataSource;

beforeAll(async () => {
  database = await createTestDatabase();
  dataSource = createDataSource({ entities: registryEntities, url: database.url, poolSize: 1, connectionTimeoutMs: 3000 });
  await dataSource.initialize();
  await dataSource.query(`INSERT INTO agency (code, name, jurisdiction) VALUES ('TX-HOME', 'Unité de test', 'FR')`);
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
});

const claims = (overrides: Partial<TokenClaims> = {}): TokenClaims => ({ subject: 'tx.tester', agencyCode: 'TX-HOME', roles: [Role.ANALYST], ...overrides });

/** What the next request sees on the (only) pooled connection: bound to its own caller, outside any leftover transaction. */
async function nextRequestWorks(): Promise<void> {
  const tx = new RequestTransaction(dataSource, claims({ subject: 'next.caller' }));
  const manager = await tx.manager();
  const [row] = await manager.query(`SELECT current_setting('app.subject', true) AS subject, current_user AS role`);
  expect(row).toEqual({ subject: 'next.caller', role: 'registry_app' });
  await tx.finish(true);
  // Outside the transaction the connection is the owner's again, with nothing bound.
  const [after] = await dataSource.query(`SELECT coalesce(current_setting('app.subject', true), '') AS subject, now() = statement_timestamp() AS fresh`);
  expect(after).toEqual({ subject: '', fresh: true });
}

const pool = () => (dataSource.driver as unknown as { master: { totalCount: number; idleCount: number } }).master;

describe('a request transaction that fails', () => {
  it.each([true, false])('while binding the caller (a NUL in the claims), finished with ok=%s, leaves the connection clean', async (ok) => {
    const tx = new RequestTransaction(dataSource, claims({ agencyCode: 'TX\u0000HOME' }));
    await expect(tx.caller()).rejects.toThrow();
    await tx.finish(ok);
    await nextRequestWorks();
  });

  it('in a statement after a write: the commit is refused, the write is not kept, the connection is clean', async () => {
    const tx = new RequestTransaction(dataSource, claims());
    await tx.write((manager) => manager.query(`INSERT INTO agency (code, name, jurisdiction) VALUES ('TX-LOST', 'Never kept', 'BE')`));
    await expect((await tx.manager()).query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
    await expect(tx.finish(true)).rejects.toThrow(/not committed/);
    expect(await dataSource.query(`SELECT code FROM agency WHERE code = 'TX-LOST'`)).toEqual([]);
    await nextRequestWorks();
  });

  it('in a read alone: the answer stands (nothing to lose), and the connection is clean', async () => {
    const tx = new RequestTransaction(dataSource, claims());
    await expect((await tx.manager()).query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
    await expect(tx.finish(true)).resolves.toBeUndefined();
    await nextRequestWorks();
  });

  it('when its connection is killed: ok=true is refused, the dead connection is not pooled, the next request works', async () => {
    const tx = new RequestTransaction(dataSource, claims());
    const [{ pid }] = await (await tx.manager()).query('SELECT pg_backend_pid() AS pid');
    const killer = new Client({ connectionString: database.url });
    await killer.connect();
    try {
      await killer.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await killer.end();
    }
    await expect((await tx.manager()).query('SELECT 1')).rejects.toThrow();
    await expect(tx.finish(true)).rejects.toThrow();
    await nextRequestWorks();
    const [{ pid: next }] = await dataSource.query('SELECT pg_backend_pid() AS pid');
    expect(next).not.toBe(pid);
  });

  it('a rolled-back request gives its connection back to the pool (not destroyed)', async () => {
    const [{ pid: before }] = await dataSource.query('SELECT pg_backend_pid() AS pid');
    const tx = new RequestTransaction(dataSource, claims());
    await (await tx.manager()).query('SELECT 1');
    await tx.finish(false);
    const [{ pid: after }] = await dataSource.query('SELECT pg_backend_pid() AS pid');
    expect(after).toBe(before);
    expect(pool().totalCount).toBe(1);
  });
});
