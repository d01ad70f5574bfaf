import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Pool } from 'pg';
import { AuthenticationError, verifyToken, type TokenSettings } from '../../src/auth/tokens';
import { sqlStatementCount } from '../../src/db/statement-counter';
import { BASELINES } from '../scenarios/baselines';
import { inCallerTransaction } from '../scenarios/sql-session';

/** What /bench/stats answers: the registry's SQL statements so far, the baselines' own, and memory. */
export interface ServerStats {
  registryStatements: number;
  baselineStatements: number;
  rssBytes: number;
  heapUsedBytes: number;
  /** Requests being served now, this one left out. */
  inFlight: number;
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/**
 * Puts the benchmark's routes in front of the registry's own request listener, on the
 * registry's own server (so its timeouts and shutdown apply): GET /bench/stats, and
 * POST /bench/baseline/<name>, which verifies the bearer token like /graphql does, then runs
 * the scenario's SQL with plain `pg` in one caller-bound transaction and answers JSON.
 * Everything else goes to the registry unchanged. Only bench/server/bench-server.ts calls this.
 */
export function addBenchRoutes(http: Server, pool: Pool, tokens: TokenSettings): void {
  // The registry's listener is an async function: its promise settles when the request is done.
  const [registry] = http.listeners('request') as Array<(req: IncomingMessage, res: ServerResponse) => unknown>;
  if (!registry) throw new Error('the registry server has no request listener');
  http.removeAllListeners('request');
  let baselineStatements = 0;
  let inFlight = 0;

  const baseline = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    const work = BASELINES[name];
    if (!work || req.method !== 'POST') return send(res, 404, { error: 'no such baseline' });
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    try {
      const claims = await verifyToken(token ?? '', tokens);
      const { answer, statements } = await inCallerTransaction(pool, claims, work, await readJson(req));
      baselineStatements += statements;
      send(res, 200, { data: answer });
    } catch (error) {
      if (error instanceof AuthenticationError) return send(res, 401, { error: error.message });
      send(res, 500, { error: error instanceof Error ? error.message : String(error) });
    }
  };

  http.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? '/';
    if (path === '/bench/stats') {
      const memory = process.memoryUsage();
      const stats: ServerStats = { registryStatements: sqlStatementCount(), baselineStatements, rssBytes: memory.rss, heapUsedBytes: memory.heapUsed, inFlight };
      return send(res, 200, stats);
    }
    // Counted until the handler is done, not until the socket closes: a load run that stops
    // abandons requests whose work goes on.
    inFlight++;
    const handled = path.startsWith('/bench/baseline/') ? baseline(req, res, path.slice('/bench/baseline/'.length)) : registry(req, res);
    void Promise.resolve(handled).finally(() => inFlight--);
  });
}
