import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

// RFC 3339 / ISO 8601 date-time with a mandatory offset: a time without one is ambiguous
// across the jurisdictions that record here.
const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i;

function parse(value: unknown): Date {
  if (typeof value !== 'string') throw new GraphQLError('DateTime must be a string such as 2026-03-14T05:30:00+01:00');
  const match = ISO_WITH_OFFSET.exec(value);
  const date = match ? new Date(value) : null;
  if (!match || !date || Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime must be ISO 8601 with an offset, such as 2026-03-14T05:30:00+01:00; got '${value}'`);
  }
  // Reject calendar overflow (2026-02-30) that Date would silently roll over.
  const [, y, mo, d] = match.map(Number);
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new GraphQLError(`DateTime has no such calendar day: '${value}'`);
  }
  return date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'A moment in time, ISO 8601 with an offset (e.g. 2026-03-14T05:30:00+01:00); answered in UTC.',
  specifiedByURL: 'https://datatracker.ietf.org/doc/html/rfc3339',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot represent an invalid date');
    return date.toISOString();
  },
  parseValue: parse,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be written as a string');
    return parse(ast.value);
  },
});
