import type { DataSource } from 'typeorm';

/** Ready when the database answers and every migration this code knows has been applied. */
export async function isDatabaseReady(dataSource: DataSource): Promise<boolean> {
  try {
    const rows: Array<{ applied: string }> = await dataSource.query('SELECT count(*) AS applied FROM migrations');
    return Number(rows[0].applied) >= dataSource.migrations.length;
  } catch {
    return false;
  }
}
