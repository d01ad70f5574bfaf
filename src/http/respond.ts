import type { IncomingMessage, ServerResponse } from 'node:http';
import { graphQLResponseType } from './content-negotiation';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * A GraphQL-shaped error answer for requests refused before GraphQL runs, with the media type
 * the client accepts (Apollo Client 4 reads the body of a non-2xx answer only when it is
 * `application/graphql-response+json`).
 */
export function sendGraphQLError(
  req: IncomingMessage, res: ServerResponse, status: number, code: string, message: string, requestId: string,
  headers: Record<string, string> = {},
): void {
  sentErrorCodes.set(res, code);
  sendJson(res, status, { errors: [{ message, extensions: { code, requestId } }] }, { 'content-type': graphQLResponseType(req), ...headers });
}

const sentErrorCodes = new WeakMap<ServerResponse, string>();

/** The code of the error this response carried when it was refused before GraphQL ran (for metrics). */
export function refusalCode(res: ServerResponse): string | undefined {
  return sentErrorCodes.get(res);
}
