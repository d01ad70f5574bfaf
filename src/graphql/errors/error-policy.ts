import type { HTTPGraphQLHead } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { isDatabaseUnavailable } from '../../db/database-unavailable';

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

/** Whether an error with this `extensions.code` is the client's to see as it is. */
export function isClientCode(code: unknown): boolean {
  return CLIENT_CODES.has(String(code));
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
  if (isClientCode(formatted.extensions?.code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, message: withoutSuggestions(formatted.message), extensions };
  }
  return {
    message: 'Internal server error: the request could not be completed; quote its request id when reporting it',
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(requestId ? { requestId } : {}) },
    ...path,
  };
}
