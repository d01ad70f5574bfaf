import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Inserts one row and returns the id the database gave it. */
export async function insertOne<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, values: Partial<T>): Promise<string> {
  return (await insertOneUnlessTaken(manager, target, values, false))!;
}

/**
 * Inserts one row unless a unique key it holds is taken (ON CONFLICT DO NOTHING: settled by
 * the constraint, also between concurrent writers); the new id, or null when nothing was stored.
 */
export async function insertOneUnlessTaken<T extends ObjectLiteral>(
  manager: EntityManager, target: EntityTarget<T>, values: Partial<T>, orIgnore = true,
): Promise<string | null> {
  const result = await manager.createQueryBuilder().insert().into(target).values(values as never).orIgnore(orIgnore)
    .returning(['id']).updateEntity(false).execute();
  return (result.raw as Array<{ id: string }>)[0]?.id ?? null;
}
