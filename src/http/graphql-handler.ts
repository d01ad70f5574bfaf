import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { DataSource } from 'typeorm';
import { AuthenticationError, bearerTokenOf, verifyToken, type TokenSettings } from '../auth/tokens';
import { createRequestContext, type RequestContext, type RequestContextParts } from '../graphql/context';
import { documentRefusal } from '../graphql/limits/document-check';
import type { QueryLimits } from '../graphql/limits/query-limits';
import { appendAuditEvents } from '../modules/audit/audit.service';
import type { Logger } from '../shared/logger';
import { BodyTooLargeError, readBody } from './body';
import { requestDocument } from './request-document';
import { prefersHtml } from './content-negotiation';
import { sendGraphQLError } from './respond';

export interface GraphQLHandlerOptions {
  apollo: ApolloServer<RequestContext>;
  dataSource: DataSource;
  tokens: TokenSettings;
  logger: Logger;
  bodyLimitBytes: number;
  /** Size and token limits of the GraphQL document, checked here, before Apollo parses it. */
  documentLimits: Pick<QueryLimits, 'maxDocumentBytes' | 'maxTokens'>;
  /** What each request's context is built from (the modules and their Node types). */
  contextParts: RequestContextParts;
  /** Answers a browser that asks for the GraphQL page (GraphiQL); it runs no operation. */
  sendGraphiQL(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

/** Why the caller says they need what they ask (`X-Justification`), kept with the audit events; at most 500 characters. */
function justificationOf(req: IncomingMessage): string | null {
  const given = req.headers['x-justification'];
  const text = (Array.isArray(given) ? given.join(' ') : given ?? '').trim();
  return text === '' ? null : text.slice(0, 500);
}


/**
 * POST/GET /graphql: authenticates the bearer token (401 and nothing runs when it fails),
 * runs the operation in one request transaction, and commits it before answering, so an
 * acknowledged write is durable.
 */
export function createGraphQLHandler(options: GraphQLHandlerOptions) {
  const { apollo, dataSource, tokens, logger, bodyLimitBytes, documentLimits } = options;

  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> => {
    // Decided once: a page runs no operation, and every other path authenticates first
    // (Apollo's own landing page is off, so Apollo never answers with a page itself).
    if (prefersHtml(req)) return options.sendGraphiQL(req, res);

    let context: RequestContext;
    const audit = { clientAddress: req.socket.remoteAddress ?? null, justification: justificationOf(req) };
    const token = bearerTokenOf(req.headers.authorization);
    try {
      if (!token) throw new AuthenticationError('an Authorization: Bearer <token> header is required');
      context = createRequestContext(dataSource, await verifyToken(token, tokens), requestId, options.contextParts, audit);
    } catch (error) {
      if (!(error instanceof AuthenticationError)) throw error;
      // The refusal stands even if the database cannot take its audit event right now.
      await appendAuditEvents(dataSource, [{
        actor: error.actor, agencyCode: null, agencyId: null, operation: 'authenticate', outcome: 'DENIED',
        entityIds: [], requestId, ...audit,
      }]).catch((auditError) => logger.error({ requestId, err: auditError }, 'failed authentication could not be audited'));
      sendGraphQLError(req, res, 401, 'UNAUTHENTICATED', error.message, requestId, { 'www-authenticate': 'Bearer' });
      return;
    }

    let body: unknown;
    try {
      const text = await readBody(req, bodyLimitBytes);
      body = text && (req.headers['content-type'] ?? '').includes('json') ? JSON.parse(text) : text;
    } catch (error) {
      await context.tx.finish(false);
      if (error instanceof BodyTooLargeError) return sendGraphQLError(req, res, 413, 'BAD_REQUEST', `request body over ${bodyLimitBytes} bytes`, requestId);
      if (error instanceof SyntaxError) return sendGraphQLError(req, res, 400, 'BAD_REQUEST', 'request body is not valid JSON', requestId);
      throw error;
    }

    if (Array.isArray(body)) {
      await context.tx.finish(false);
      return sendGraphQLError(req, res, 400, 'BAD_REQUEST', 'Operation batching is disabled: send one operation per request', requestId);
    }

    const document = requestDocument(req, url, body);
    const refusal = document === null ? null : documentRefusal(document, documentLimits);
    if (refusal) {
      await context.tx.finish(false);
      return sendGraphQLError(req, res, 400, 'GRAPHQL_VALIDATION_FAILED', refusal, requestId);
    }

    const headers = new HeaderMap();
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
    }
    let finished = false;
    try {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: async () => context,
      });
      // A 5xx answer (the database failed, or the audit trail could not be written) keeps nothing.
      const ok = (response.status ?? 200) < 500;
      await context.tx.finish(ok);
      finished = true;
      for (const [name, value] of response.headers) res.setHeader(name, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } finally {
      if (!finished) {
        await context.tx.finish(false).catch((error) => logger.error({ requestId, err: error }, 'rollback failed'));
      }
    }
  };
}
