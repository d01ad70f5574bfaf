import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

/** GraphiQL's editor (Monaco) adds inline styles and starts its workers from blob: URLs; nothing else is allowed. */
export const GRAPHIQL_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; worker-src 'self' blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

/** Tells the page that introspection is off (production), so GraphiQL never asks for the schema and explains why it has none. */
export const INTROSPECTION_OFF_META = '<meta name="registry-introspection" content="off">';

/**
 * GET /graphql from a browser: the bundled GraphiQL of the console build (every script, style,
 * font and worker served from here, never from a CDN). It runs no operation itself.
 */
export function graphiQLPageSender(buildDir: string, options: { introspection: boolean }): (req: IncomingMessage, res: ServerResponse) => void {
  const page = readFileSync(join(buildDir, 'graphiql.html'), 'utf8');
  const html = options.introspection ? page : page.replace('</head>', `${INTROSPECTION_OFF_META}</head>`);
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
