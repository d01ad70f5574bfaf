import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { decodeJwt } from 'jose';
import type { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import type { TokenClaims } from '../auth/caller';
import { bearerTokenOf, verifyToken, type TokenSettings } from '../auth/tokens';
import { createRequestContext, type LiveFeed, type RequestContextParts } from '../graphql/context';
import type { ChangeNotifier } from '../modules/change-feed/change-notifier';
import { FeedGroups } from '../modules/change-feed/feed-groups';
import type { RegistryMetrics } from '../observability/metrics';
import type { Logger } from '../shared/logger';
import { subscribeSharingResults } from './shared-subscription-results';

/** The close code for a missing, bad or expired token (graphql-ws's convention for "unauthorized"). */
export const UNAUTHORIZED_CLOSE = 4401;

interface Connection {
  claims: TokenClaims;
  expiry: { timer?: NodeJS.Timeout };
}

/** Connections of the process's pool: half of them at most serve subscriptions' rounds at once, the rest stay for requests. */
const poolSizeOf = (dataSource: DataSource) => (dataSource.options as { poolSize: number }).poolSize; // set by createDataSource

/** Node's timers hold at most this many milliseconds (about 24.8 days); a longer wait would fire at once. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/** Calls `expired` at `expiresAt` (epoch ms), however far off, through timers Node can hold. */
function atExpiry(expiresAt: number, expired: () => void): { timer?: NodeJS.Timeout } {
  const expiry: { timer?: NodeJS.Timeout } = {};
  const wait = () => {
    const left = expiresAt - Date.now();
    if (left <= 0) return expired();
    expiry.timer = setTimeout(wait, Math.min(left, LONGEST_TIMER_MS));
  };
  wait();
  return expiry;
}

export interface SubscriptionServerOptions {
  http: Server;
  schema: GraphQLSchema;
  dataSource: DataSource;
  tokens: TokenSettings;
  contextParts: RequestContextParts;
  notifier: ChangeNotifier;
  metrics: RegistryMetrics;
  logger: Logger;
}

/**
 * GraphQL over WebSocket (the graphql-transport-ws protocol of graphql-ws) on /graphql, beside
 * the HTTP handler. The token comes in `connectionParams.authorization` (`Bearer …`), since a
 * browser cannot set headers on the upgrade: a missing or bad one closes the socket with 4401,
 * and so does its expiry, with a reason a client can show.
 */
export function attachSubscriptionServer(options: SubscriptionServerOptions): { close(): Promise<void> } {
  const { dataSource, tokens, contextParts, notifier, metrics, logger } = options;
  const sockets = new WebSocketServer({ server: options.http, path: '/graphql' });
  const groups = new FeedGroups(notifier, (claims) => {
    const { tx, loaders } = createRequestContext(dataSource, claims, randomUUID(), contextParts);
    return { tx, loaders };
  }, logger, Math.max(1, Math.floor(poolSizeOf(dataSource) / 2)), (seconds, changes) => metrics.observeSubscriptionRound(seconds, changes));
  metrics.watchSubscriptions(() => groups.count());
  const connections = new WeakMap<object, Connection>();
  const server = useServer(
    {
      schema: options.schema,
      subscribe: subscribeSharingResults,
      onConnect: async (ctx) => {
        const token = bearerTokenOf(ctx.connectionParams?.authorization);
        const socket = ctx.extra.socket;
        try {
          if (!token) throw new Error('connectionParams.authorization must be "Bearer <token>"');
          const claims = await verifyToken(token, tokens);
          const expiry = atExpiry((decodeJwt(token).exp ?? 0) * 1000, () =>
            socket.close(UNAUTHORIZED_CLOSE, 'unauthorized: the token has expired; connect again with a fresh one'));
          connections.set(ctx, { claims, expiry });
          return true;
        } catch (error) {
          socket.close(UNAUTHORIZED_CLOSE, `unauthorized: ${error instanceof Error ? error.message : 'bad token'}`.slice(0, 120));
          return false;
        }
      },
      onClose: (ctx) => clearTimeout(connections.get(ctx)?.expiry.timer),
      context: (ctx) => {
        const claims = connections.get(ctx)?.claims;
        if (!claims) throw new Error('not connected');
        const context = createRequestContext(dataSource, claims, randomUUID(), contextParts);
        const live: LiveFeed = { join: (kinds) => groups.join(claims, kinds) };
        return { ...context, live };
      },
      onError: (_ctx, _id, _payload, errors) => {
        logger.warn({ errors: errors.map((error) => error.message) }, 'a subscription failed');
      },
    },
    sockets,
  );
  return {
    async close() {
      for (const socket of sockets.clients) socket.close(1001, 'the registry is shutting down');
      await server.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
