import type { IncomingMessage } from 'node:http';

/**
 * The GraphQL document a request carries, as Apollo will read it: the `query` search
 * parameter of a GET, the `query` string of a POST's JSON object. Null when there is none
 * (Apollo then refuses the request itself: a batch, a missing or non-string query).
 */
export function requestDocument(req: IncomingMessage, url: URL, body: unknown): string | null {
  if (req.method === 'GET') return url.searchParams.get('query');
  if (req.method !== 'POST' || !body || typeof body !== 'object' || Array.isArray(body)) return null;
  const { query } = body as { query?: unknown };
  return typeof query === 'string' ? query : null;
}
