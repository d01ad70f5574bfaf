import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { ApolloServer } from '@apollo/server';
import type { DataSource } from 'typeorm';
import type { TokenSettings } from './auth/tokens';
import { isDatabaseReady } from './db/readiness';
import type { RequestContext } from './graphql/context';
import { formatError } from './graphql/errors/error-policy';
import { requestErrorsPlugin } from './graphql/errors/request-errors.plugin';
import { buildRegistrySchema } from './graphql/schema';
import { createGraphQLHandler } from './http/graphql-handler';
import { auditPlugin } from './modules/audit/audit.plugin';
import { sendGraphQLError, sendJson } from './http/respond';
import type { Logger } from './shared/logger';

export interface RegistryServerOptions {
  dataSource: DataSource;
  tokens: TokenSettings;
  logger: Logger;
  production: boolean;
  bodyLimitBytes?: number;
}

export interface RegistryServer {
  http: Server;
  /** Stops accepting requests, waits for those in flight, then stops Apollo. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The HTTP server: /graphql, /healthz and /readyz. */
export async function createRegistryServer(options: RegistryServerOptions): Promise<RegistryServer> {
  const { dataSource, logger, production } = options;
  const schema = await buildRegistrySchema();
  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError,
    plugins: [requestErrorsPlugin(logger), auditPlugin(schema, logger)],
    // main.ts handles SIGTERM/SIGINT: it drains requests, then stops Apollo, the pool and the database.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const graphql = createGraphQLHandler({
    apollo,
    dataSource,
    tokens: options.tokens,
    logger,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
  });

  const http = createServer(async (req, res) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/graphql') return await graphql(req, res, url, requestId);
      if (url.pathname === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/readyz' && req.method === 'GET') {
        const ready = await isDatabaseReady(dataSource);
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
      }
      sendJson(res, 404, { error: 'not found' });
    } catch (error) {
      logger.error({ requestId, err: error }, 'request failed');
      if (!res.headersSent) sendGraphQLError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', requestId);
      else res.destroy();
    }
  });

  return {
    http,
    async close() {
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      });
      await apollo.stop();
    },
  };
}
