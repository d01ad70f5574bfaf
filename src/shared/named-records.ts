import { ErrorCode, type Problems } from './domain-error';

/**
 * Records of one kind that an input names by id (`seizureIds`, `movementIds`...): each must be
 * readable by the caller (NOT_FOUND on its place otherwise: an unreadable record is not told
 * from a missing one), at most `max` of them; returned without repeats. `ids` holds null where
 * the id given names nothing of the kind.
 */
export async function readableNamedRecords(
  ids: Array<string | null>,
  named: { field: string; what: string; by: string; max: number },
  readable: (ids: string[]) => Promise<Array<{ id: string }>>,
  problems: Problems,
): Promise<string[]> {
  if (ids.length > named.max) {
    problems.add(ErrorCode.INVALID_INPUT, `${named.by} names at most ${named.max} ${named.what}s, got ${ids.length}`, ['input', named.field]);
    return [];
  }
  const wanted = ids.filter((id): id is string => id !== null);
  const found = new Set(wanted.length === 0 ? [] : (await readable(wanted)).map((record) => record.id));
  ids.forEach((id, i) => {
    if (!id || !found.has(id)) problems.add(ErrorCode.NOT_FOUND, `no such ${named.what}, or not readable by you`, ['input', named.field, String(i)]);
  });
  return [...new Set(wanted.filter((id) => found.has(id)))];
}
