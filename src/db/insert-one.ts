import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Inserts one row and returns the id the database gave it. */
export async function insertOne<T extends ObjectLiteral>(manager: EntityManager, target: EntityTarget<T>, values: Partial<T>): Promise<string> {
  const result = await manager.createQueryBuilder().insert().into(target).values(values as never).returning(['id']).updateEntity(false).execute();
  return (result.raw as Array<{ id: string }>)[0].id;
}
