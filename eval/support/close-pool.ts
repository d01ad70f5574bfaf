// DataSource.destroy() resolves once pg's pool has *asked* its connections to close, not when they
// have; stopping PostgreSQL right after makes each one log "terminating connection due to
// administrator command". This waits for every connection's own end (the pool's 'remove' event).
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

const WAIT_MS = 5000;

export async function closeDataSource(dataSource: DataSource): Promise<void> {
  const pool = (dataSource.driver as PostgresDriver).master as Pool | undefined;
  let open = pool?.totalCount ?? 0;
  let timer: NodeJS.Timeout | undefined;
  const closed = new Promise<void>((resolve) => {
    if (open === 0) return resolve();
    pool!.on('remove', () => {
      if (--open === 0) resolve();
    });
    timer = setTimeout(resolve, WAIT_MS); // never hang the cleanup on a connection that will not say goodbye
  });
  await dataSource.destroy();
  await closed;
  clearTimeout(timer);
}
