import type { HTTPGraphQLHead } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../../db/database-unavailable';
import { Refusal } from '../../shared/refusal';

/** Codes a client may see as they are; any other error is masked. */
const CLIENT_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
]);

/** What a client is told when the database could not serve its request (HTTP 503). */
export const SERVICE_UNAVAILABLE_MESSAGE =
  'The database is unavailable or busy; the request changed nothing and may be retried';

/** The HTTP status and headers of an answer whose request the database could not serve: a retry is safe. */
export const SERVICE_UNAVAILABLE_HTTP = { status: 503, headers: { 'retry-after': '1' } } as const;

/** Gives a GraphQL answer the status and headers of SERVICE_UNAVAILABLE. */
export function answerServiceUnavailable(http: HTTPGraphQLHead): void {
  http.status = SERVICE_UNAVAILABLE_HTTP.status;
  for (const [name, value] of Object.entries(SERVICE_UNAVAILABLE_HTTP.headers)) http.headers.set(name, value);
}

/**
 * graphql-js's "Did you mean ...?" hints name fields, arguments and enum values of the schema.
 * Apollo's `hideSchemaDetailsFromClientErrors` drops them from validation errors only; errors of
 * variables that do not coerce carry them too.
 */
function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/** The GraphQL error code of each kind of refusal the services make. */
const REFUSAL_CODES: Record<Refusal['kind'], string> = { FORBIDDEN: 'FORBIDDEN', INVALID_ARGUMENT: 'BAD_USER_INPUT' };

/**
 * The code a client is shown for an error, when the error is the client's to see as it is: a
 * refusal by the services or rules (whatever wraps it), or an error that already carries one of
 * the codes above. Null for anything else, which is a fault.
 */
export function clientCodeOf(code: unknown, error?: unknown): string | null {
  const cause = error === undefined ? undefined : unwrapResolverError(error);
  if (cause instanceof Refusal) return REFUSAL_CODES[cause.kind];
  return CLIENT_CODES.has(String(code)) ? String(code) : null;
}

/**
 * The one place errors are shaped for clients: known codes keep their code and message;
 * anything else becomes INTERNAL_SERVER_ERROR without details (the log keeps them, with the
 * request id that the response also carries). A database that could not serve the request is
 * SERVICE_UNAVAILABLE, so clients know to retry.
 */
export function formatError(formatted: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const requestId = formatted.extensions?.requestId;
  const path = formatted.path ? { path: formatted.path } : {};
  if (isDatabaseUnavailable(error)) {
    return { message: SERVICE_UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE', ...(requestId ? { requestId } : {}) }, ...path };
  }
  const cause = unwrapResolverError(error);
  if (cause instanceof Refusal) {
    const argument = cause.argument ? { argument: cause.argument } : {};
    return { ...formatted, message: cause.message, extensions: { code: REFUSAL_CODES[cause.kind], ...argument, ...(requestId ? { requestId } : {}) } };
  }
  if (clientCodeOf(formatted.extensions?.code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: withoutSuggestions(formatted.message), extensions };
  }
  return {
    message: 'Internal server error: the request could not be completed; quote its request id when reporting it',
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    ...path,
  };
}
