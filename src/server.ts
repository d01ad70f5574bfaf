import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { compiledExecutionGateway } from './graphql/compiled-executor';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { DataSource } from 'typeorm';
import type { Pool } from 'pg';
import type { TokenSettings } from './auth/tokens';
import { isDatabaseUnavailable } from './db/database-unavailable';
import { isDatabaseReady } from './db/readiness';
import type { RequestContext } from './graphql/context';
import { formatError, SERVICE_UNAVAILABLE_HTTP, SERVICE_UNAVAILABLE_MESSAGE } from './graphql/errors/error-policy';
import { requestErrorsPlugin } from './graphql/errors/request-errors.plugin';
import { aliasLimitRule } from './graphql/limits/alias-limit.rule';
import { costLimitPlugin } from './graphql/limits/cost-limit.plugin';
import { depthLimitRule } from './graphql/limits/depth-limit.rule';
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from './graphql/limits/query-limits';
import { nodeTypesOf } from './graphql/relay/node-types';
import { buildRegistrySchema } from './graphql/schema';
import { nulLiteralRule } from './graphql/text/nul-literal.rule';
import { variableValuesPlugin } from './graphql/text/variable-values.plugin';
import { createGraphQLHandler } from './http/graphql-handler';
import { createExportHandler, EXPORT_ROUTES } from './http/export-handler';
import { attachSubscriptionServer } from './http/subscription-server';
import { createConsoleAssets } from './http/console-assets';
import { ensureConsoleBuild } from './http/console-build';
import { graphiQLPageSender } from './http/graphiql-page';
import { registryModules } from './modules';
import { auditPlugin } from './modules/audit/audit.plugin';
import { ChangeNotifier } from './modules/change-feed/change-notifier';
import { sendGraphQLError, sendJson } from './http/respond';
import { createMetrics } from './observability/metrics';
import { metricsPlugin } from './observability/metrics.plugin';
import { observeRequest } from './observability/request-observer';
import type { Logger } from './shared/logger';

export interface RegistryServerOptions {
  dataSource: DataSource;
  tokens: TokenSettings;
  logger: Logger;
  production: boolean;
  bodyLimitBytes?: number;
  /** Request limits of /graphql (default: DEFAULT_QUERY_LIMITS). */
  limits?: QueryLimits;
  /** The console's build folder (default: the build of the current sources, made first when missing). */
  consoleDir?: string;
  /** Written into the console's page for one-click sign-in; ignored in production. */
  demoToken?: string;
  /** Root fields read what their selection nests in one planned statement (default true; off only to compare with field-by-field reads). */
  plannedReads?: boolean;
}

export interface RegistryServer {
  http: Server;
  /** Stops accepting requests, waits for those in flight, then stops Apollo. */
  close(): Promise<void>;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;
const ROUTES = new Set(['/graphql', '/healthz', '/readyz', '/metrics', '/', ...Object.keys(EXPORT_ROUTES)]);

/** The HTTP server: /graphql, /export/*, /healthz, /readyz, /metrics, and the console (/, its client routes, /assets/*). */
export async function createRegistryServer(options: RegistryServerOptions): Promise<RegistryServer> {
  const { dataSource, logger, production } = options;
  const limits = options.limits ?? DEFAULT_QUERY_LIMITS;
  const schema = await buildRegistrySchema(registryModules);
  const consoleDir = options.consoleDir ?? await ensureConsoleBuild((line) => logger.info(line));
  const consoleAssets = createConsoleAssets({ dir: consoleDir, demoToken: production ? undefined : options.demoToken });
  const metrics = createMetrics(() => (dataSource.driver as unknown as { master?: Pool }).master);
  const apollo = new ApolloServer<RequestContext>({
    gateway: compiledExecutionGateway(schema),
    introspection: !production,
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    formatError,
    // Compact JSON: Apollo pretty-prints by default, which makes large answers much bigger to write.
    stringifyResult: (result) => JSON.stringify(result),
    // Size and tokens are checked by the HTTP handler before parsing; the parser's own token
    // cap backs that up. Depth and aliases are validation rules; cost needs the variables.
    // Text with a NUL character, which PostgreSQL cannot hold, and variables nested without bound
    // are refused before anything runs.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases), nulLiteralRule],
    plugins: [
      // Nothing here is cached by HTTP caches; the default cache-control plugin would add a hook to every field resolved.
      ApolloServerPluginCacheControlDisabled(),
      // The handler answers browsers itself (GraphiQL, served from here): Apollo's page loads from a CDN.
      ApolloServerPluginLandingPageDisabled(),
      requestErrorsPlugin(logger),
      metricsPlugin(metrics),
      costLimitPlugin(limits.maxCost),
      variableValuesPlugin(),
      auditPlugin(schema, logger),
    ],
    // No automatic persisted queries: a hash-only request would skip the document checks, and
    // the cache would be state held in one process.
    persistedQueries: false,
    // A request with an Authorization header cannot be a simple cross-site request (a browser
    // preflights it), and every operation here needs one: it counts as CSRF-safe, so a GET
    // needs no particular content type (urql's GET mode sends none).
    csrfPrevention: { requestHeaders: ['authorization', 'x-apollo-operation-name', 'apollo-require-preflight'] },
    // main.ts handles SIGTERM/SIGINT: it drains requests, then stops Apollo, the pool and the database.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const contextParts = { modules: registryModules, nodes: nodeTypesOf(registryModules), plannedReads: options.plannedReads ?? true };
  const graphql = createGraphQLHandler({
    apollo,
    dataSource,
    tokens: options.tokens,
    logger,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    documentLimits: limits,
    contextParts,
    sendGraphiQL: graphiQLPageSender(consoleDir, { introspection: !production }),
  });

  const exports = createExportHandler({ dataSource, tokens: options.tokens, logger, contextParts });

  const http = createServer(async (req, res) => {
    const given = req.headers['x-request-id'];
    const requestId = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('x-request-id', requestId);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = ROUTES.has(url.pathname) ? url.pathname : url.pathname.startsWith('/assets/') ? '/assets' : 'other';
    observeRequest(req, res, route, requestId, metrics, logger);
    try {
      if (url.pathname === '/graphql') return await graphql(req, res, url, requestId);
      if (Object.hasOwn(EXPORT_ROUTES, url.pathname)) return await exports(req, res, url, requestId);
      if (url.pathname === '/healthz' && req.method === 'GET') return sendJson(res, 200, { status: 'ok' });
      if (url.pathname === '/readyz' && req.method === 'GET') {
        const ready = await isDatabaseReady(dataSource);
        return sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'unavailable' });
      }
      if (url.pathname === '/metrics' && req.method === 'GET') {
        const text = await metrics.registry.metrics();
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        return void res.end(text);
      }
      if (await consoleAssets(req, res, url)) return;
      sendJson(res, 404, { error: 'not found' });
    } catch (error) {
      if (res.headersSent) {
        logger.error({ requestId, err: error }, 'request failed after its answer began');
        res.destroy();
      } else if (isDatabaseUnavailable(error)) {
        // For example the commit itself failed: the change was not saved, and a retry is safe.
        logger.warn({ requestId, err: error }, 'database unavailable');
        sendGraphQLError(req, res, SERVICE_UNAVAILABLE_HTTP.status, 'SERVICE_UNAVAILABLE', SERVICE_UNAVAILABLE_MESSAGE, requestId, SERVICE_UNAVAILABLE_HTTP.headers);
      } else {
        logger.error({ requestId, err: error }, 'request failed');
        sendGraphQLError(req, res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error', requestId);
      }
    }
  });

  const notifier = new ChangeNotifier((dataSource.options as { url: string }).url, logger);
  await notifier.start();
  const subscriptions = attachSubscriptionServer({ http, schema, dataSource, tokens: options.tokens, contextParts, notifier, metrics, logger });

  return {
    http,
    async close() {
      await subscriptions.close();
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        http.closeIdleConnections();
      });
      await notifier.close();
      await apollo.stop();
    },
  };
}
