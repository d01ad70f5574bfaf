import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

/** GraphiQL's editor (Monaco) adds inline styles and starts its workers from blob: URLs; nothing else is allowed. */
export const GRAPHIQL_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

/**
 * GET /graphql from a browser: the bundled GraphiQL of the console build (every script, style,
 * font and worker served from here, never from a CDN). It runs no operation itself.
 */
export function graphiQLPageSender(buildDir: string): (req: IncomingMessage, res: ServerResponse) => void {
  const html = readFileSync(join(buildDir, 'graphiql.html'), 'utf8');
  return function sendGraphiQLPage(req, res) {
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'content-security-policy': GRAPHIQL_CSP,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(req.method === 'HEAD' ? undefined : html);
  };
}
