import type { IncomingMessage, ServerResponse } from 'node:http';

/** GET /graphql from a browser. Replaced by the bundled GraphiQL of the console build. */
export function sendGraphiQLPage(_req: IncomingMessage, res: ServerResponse): void {
  const html = '<!doctype html><meta charset="utf-8"><title>Seizure registry</title><p>GraphQL endpoint: POST /graphql with a bearer token.</p>';
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'" });
  res.end(html);
}
