import type { DataSource } from 'typeorm';

/** Deletes the changes older than the retention period (run as the tables' owner); returns how many. */
export async function dropExpiredChanges(dataSource: DataSource, retentionDays: number, now = new Date()): Promise<number> {
  if (!Number.isInteger(retentionDays) || retentionDays < 1) throw new Error('change retention must be at least 1 day');
  const [, deleted]: [unknown, number] = await dataSource.query(
    `DELETE FROM change_event WHERE at < $1::timestamptz - make_interval(days => $2)`,
    [now, retentionDays],
  );
  return deleted;
}
