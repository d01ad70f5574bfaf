import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** PostgreSQL accepts at most 65,535 bind parameters in one statement; stay well under it. */
const MAX_PARAMETERS = 60_000;

/** Inserts rows with multi-row INSERTs, as few statements as the parameter limit allows. */
export async function insertInChunks<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  rows: Partial<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = manager.connection.getMetadata(target).columns.length;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns));
  for (let start = 0; start < rows.length; start += perStatement) {
    await manager
      .createQueryBuilder()
      .insert()
      .into(target)
      .values(rows.slice(start, start + perStatement) as never)
      .updateEntity(false)
      .execute();
  }
}
