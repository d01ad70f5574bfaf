import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { sendJson } from './respond';

/** The console's own policy: nothing but this origin (no inline script or style, no other host). */
export const CONSOLE_CSP = "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'";

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
// Built file names only (Vite names them <name>-<hash>.<ext>): no path can leave the folder.
const ASSET_NAME = /^\/assets\/([A-Za-z0-9_.-]+)$/;
const SECURITY_HEADERS = { 'x-content-type-options': 'nosniff', 'referrer-policy': 'no-referrer' };

export interface ConsoleAssetsOptions {
  /** The build folder (see console-build.ts). */
  dir: string;
  /** Written into the console's page as a non-executable meta element; only outside production. */
  demoToken?: string;
}

/** Answers /, the console's client routes and /assets/*; false when the request is none of them. */
export type ConsoleAssets = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function wantsPage(req: IncomingMessage): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && (req.headers.accept ?? '').includes('text/html');
}

function sendPage(req: IncomingMessage, res: ServerResponse, html: string): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'content-security-policy': CONSOLE_CSP,
    // The page names the current build's assets: always revalidated, never stale.
    'cache-control': 'no-cache',
    ...SECURITY_HEADERS,
  });
  res.end(req.method === 'HEAD' ? undefined : html);
}

/** Serves the console build: the pages are read once, the hashed assets cached for a year by browsers. */
export function createConsoleAssets(options: ConsoleAssetsOptions): ConsoleAssets {
  const demoMeta = options.demoToken ? `<meta name="registry-demo-token" content="${escapeAttribute(options.demoToken)}">` : '';
  const consolePage = readFileSync(join(options.dir, 'index.html'), 'utf8').replace('</head>', `${demoMeta}</head>`);

  return async (req, res, url) => {
    const asset = ASSET_NAME.exec(url.pathname);
    if (asset) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return false;
      const type = TYPES[extname(asset[1])];
      const body = type ? await readFile(join(options.dir, 'assets', asset[1])).catch(() => null) : null;
      if (!body) {
        sendJson(res, 404, { error: 'not found' });
        return true;
      }
      res.writeHead(200, {
        'content-type': type,
        'content-length': body.length,
        'cache-control': 'public, max-age=31536000, immutable',
        ...SECURITY_HEADERS,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return true;
    }
    // Client routes (/seizures/…) load the console, whose router shows the screen; anything
    // that is not a browser asking for a page keeps the JSON 404.
    if (!wantsPage(req)) return false;
    sendPage(req, res, consolePage);
    return true;
  };
}
