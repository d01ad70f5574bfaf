import autocannon from 'autocannon';
import { summarise, type LoadSummary } from './summary';

export interface HttpLoadOptions {
  baseUrl: string;
  path: string;
  connections: number;
  seconds: number;
  headers: Record<string, string>;
  /** The body of the next request (each may differ: a fresh reference, another item). */
  nextBody(): string;
  /** Whether an answer (status 200) counts as a success. */
  succeeded(body: string): boolean;
}

/**
 * POSTs for a fixed time over `connections` keep-alive connections (autocannon) and keeps every
 * successful request's latency, for exact percentiles (autocannon's own summary has no p95).
 * Failures (other statuses, errors in the body, timeouts) are counted, not timed.
 */
export function httpLoad(options: HttpLoadOptions): Promise<LoadSummary & { meanResponseBytes: number }> {
  const latencies: number[] = [];
  let failed = 0;
  let bytes = 0;
  // onResponse runs just before autocannon's 'response' event for the same request: pair them.
  const pending: boolean[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.seconds,
        timeout: 30,
        // autocannon stops at its next sample after `duration`: sample often, or runs last whole seconds.
        sampleInt: 100,
        requests: [{
          method: 'POST',
          path: options.path,
          headers: { 'content-type': 'application/json', ...options.headers },
          setupRequest: (request) => ({ ...request, body: options.nextBody() }),
          onResponse: (status, body) => void pending.push(status === 200 && options.succeeded(body)),
        }],
      },
      (error, result) => {
        if (error) return reject(error);
        const summary = summarise(latencies, failed + result.errors + result.timeouts, result.duration);
        resolve({ ...summary, meanResponseBytes: latencies.length > 0 ? Math.round(bytes / latencies.length) : 0 });
      },
    );
    instance.on('response', (_client: unknown, _status: number, responseBytes: number, responseTimeMs: number) => {
      if (pending.shift()) {
        latencies.push(responseTimeMs);
        bytes += responseBytes;
      } else failed++;
    });
  });
}
