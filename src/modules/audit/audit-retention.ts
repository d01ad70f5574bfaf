import type { DataSource } from 'typeorm';

/** Months of monthly partitions kept ready ahead of time. */
const MONTHS_AHEAD = 12;
const PARTITION = /^audit_event_(\d{4})_(\d{2})$/;

const monthStart = (year: number, monthIndex: number) => new Date(Date.UTC(year, monthIndex, 1));
const partitionName = (month: Date) => `audit_event_${month.getUTCFullYear()}_${String(month.getUTCMonth() + 1).padStart(2, '0')}`;

/**
 * Audit retention without UPDATE or DELETE (run as the tables' owner): creates the monthly
 * partitions of the coming year, and drops whole months older than the retention period.
 * Returns the partitions created and dropped.
 */
export async function maintainAuditPartitions(
  dataSource: DataSource,
  retentionMonths: number,
  now = new Date(),
): Promise<{ created: string[]; dropped: string[] }> {
  if (!Number.isInteger(retentionMonths) || retentionMonths < 12) throw new Error('audit retention must be at least 12 months');
  const existing: Array<{ name: string }> = await dataSource.query(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
      WHERE i.inhparent = 'audit_event'::regclass`,
  );
  const names = new Set(existing.map((row) => row.name));
  const created: string[] = [];
  for (let ahead = 0; ahead <= MONTHS_AHEAD; ahead++) {
    const month = monthStart(now.getUTCFullYear(), now.getUTCMonth() + ahead);
    const name = partitionName(month);
    if (names.has(name)) continue;
    const next = monthStart(month.getUTCFullYear(), month.getUTCMonth() + 1);
    await dataSource.query(
      `CREATE TABLE ${name} PARTITION OF audit_event FOR VALUES FROM ('${month.toISOString()}') TO ('${next.toISOString()}')`,
    );
    created.push(name);
  }
  const oldestKept = monthStart(now.getUTCFullYear(), now.getUTCMonth() - retentionMonths);
  const dropped: string[] = [];
  for (const name of names) {
    const match = PARTITION.exec(name);
    if (!match || monthStart(Number(match[1]), Number(match[2]) - 1) >= oldestKept) continue;
    await dataSource.query(`DROP TABLE ${name}`);
    dropped.push(name);
  }
  return { created, dropped };
}
