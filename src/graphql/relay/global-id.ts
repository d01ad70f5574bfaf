const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A GraphQL type name, as global ids carry it; which types there are is the modules' to declare. */
const TYPE_NAME = /^[A-Z][A-Za-z0-9]{0,63}$/;

/** An opaque global id: base64url of `Type:uuid`. */
export function toGlobalId(type: string, id: string): string {
  return Buffer.from(`${type}:${id}`, 'utf8').toString('base64url');
}

/** The type and database id behind a global id, or null for anything that is not one of ours. */
export function fromGlobalId(globalId: string): { type: string; id: string } | null {
  if (typeof globalId !== 'string' || globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  const type = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1).toLowerCase();
  if (colon < 1 || !TYPE_NAME.test(type) || !UUID.test(id)) return null;
  return { type, id };
}

/**
 * The database id behind a global id of the given type, or null. Resolvers decode the ids of
 * their input with it; services take database ids, null standing for an id that names nothing
 * of the type (answered NOT_FOUND, as for a record the caller may not read).
 */
export function idOfType(globalId: string, type: string): string | null {
  const parsed = fromGlobalId(globalId);
  return parsed && parsed.type === type ? parsed.id : null;
}

/** An optional id of the given type: undefined when not given (null or absent), else as `idOfType`. */
export function optionalIdOfType(globalId: string | null | undefined, type: string): string | null | undefined {
  return globalId === null || globalId === undefined ? undefined : idOfType(globalId, type);
}
