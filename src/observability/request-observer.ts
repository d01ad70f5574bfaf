import type { IncomingMessage, ServerResponse } from 'node:http';
import { refusalCode } from '../http/respond';
import type { Logger } from '../shared/logger';
import type { RegistryMetrics } from './metrics';

/**
 * Once the answer is sent: counts it by route and status (with the code of a refusal made before
 * GraphQL ran) and writes one access line with the request id; probes and scrapes at debug level.
 */
export function observeRequest(req: IncomingMessage, res: ServerResponse, route: string, requestId: string, metrics: RegistryMetrics, logger: Logger): void {
  const started = process.hrtime.bigint();
  res.once('finish', () => {
    const code = refusalCode(res);
    metrics.observeHttp(route, res.statusCode, code ? [code] : []);
    const ms = Math.round(Number(process.hrtime.bigint() - started) / 1e5) / 10;
    const line = { requestId, method: req.method, route, status: res.statusCode, ms };
    if (route === '/graphql') logger.info(line, 'request');
    else logger.debug(line, 'request');
  });
}
