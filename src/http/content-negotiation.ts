import type { IncomingMessage } from 'node:http';
import Negotiator from 'negotiator';

// The media types Apollo Server negotiates, in its order (its ties go to the earlier one).
const APPLICATION_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';
const JSON_GRAPHQL_CALLBACK = 'application/json; callbackSpec=1.0; charset=utf-8';
const MULTIPART_TYPES = ['multipart/mixed; deferSpec=20220824', 'multipart/mixed; incrementalSpec=v0.2', 'multipart/mixed'];
const TEXT_HTML = 'text/html';

/**
 * A browser asking for a page rather than for a GraphQL answer: a GET whose Accept header
 * prefers text/html to every type a GraphQL answer can have. Decided as Apollo Server decides
 * it, so a tie (`application/json, text/html`, or `*\/*`) goes to JSON. The handler decides
 * it once; a request answered with a page runs no operation.
 */
export function prefersHtml(req: IncomingMessage): boolean {
  const accept = req.headers.accept;
  if (req.method !== 'GET' || !accept) return false;
  const preferred = new Negotiator({ headers: { accept } })
    .mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, ...MULTIPART_TYPES, TEXT_HTML]);
  return preferred === TEXT_HTML;
}

/**
 * The content type of a GraphQL answer the service writes itself (a refusal before GraphQL
 * runs), chosen as Apollo Server chooses it for its own answers:
 * `application/graphql-response+json` when the client prefers it, else `application/json`
 * (also when the client accepts neither: a refusal is still better read than a 406).
 */
export function graphQLResponseType(req: IncomingMessage): string {
  const accept = req.headers.accept;
  if (!accept) return APPLICATION_JSON;
  const preferred = new Negotiator({ headers: { accept } })
    .mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON, JSON_GRAPHQL_CALLBACK]);
  return preferred === GRAPHQL_RESPONSE_JSON ? GRAPHQL_RESPONSE_JSON : APPLICATION_JSON;
}
