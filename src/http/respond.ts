import type { ServerResponse } from 'node:http';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A GraphQL-shaped error answer for requests refused before GraphQL runs. */
export function sendGraphQLError(res: ServerResponse, status: number, code: string, message: string, requestId: string, headers: Record<string, string> = {}): void {
  sentErrorCodes.set(res, code);
  sendJson(res, status, { errors: [{ message, extensions: { code, requestId } }] }, headers);
}

const sentErrorCodes = new WeakMap<ServerResponse, string>();

/** The code of the error this response carried when it was refused before GraphQL ran (for metrics). */
export function refusalCode(res: ServerResponse): string | undefined {
  return sentErrorCodes.get(res);
}
