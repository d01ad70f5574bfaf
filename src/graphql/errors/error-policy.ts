import type { GraphQLFormattedError } from 'graphql';

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
]);

/** Whether an error with this `extensions.code` is the client's to see as it is. */
export function isClientCode(code: unknown): boolean {
  return CLIENT_CODES.has(String(code));
}

/**
 * The one place errors are shaped for clients: known codes keep their code and message;
 * anything else becomes INTERNAL_SERVER_ERROR without details (the log keeps them, with the
 * request id that the response also carries).
 */
export function formatError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (isClientCode(formatted.extensions?.code)) {
    const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Internal server error: the request could not be completed; quote its request id when reporting it',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
    ...(formatted.path ? { path: formatted.path } : {}),
  };
}
