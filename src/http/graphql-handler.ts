import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer } from '@apollo/server';
import type { RequestContext } from '../graphql/context';
import { documentRefusal } from '../graphql/limits/document-check';
import type { QueryLimits } from '../graphql/limits/query-limits';
import { authenticate, type AuthenticateOptions } from './authenticate';
import { BodyTooLargeError, readBody } from './body';
import { requestDocument } from './request-document';
import { prefersHtml } from './content-negotiation';
import { sendGraphQLError } from './respond';

export interface GraphQLHandlerOptions extends AuthenticateOptions {
  apollo: ApolloServer<RequestContext>;
  bodyLimitBytes: number;
  /** Size and token limits of the GraphQL document, checked here, before Apollo parses it. */
  documentLimits: Pick<QueryLimits, 'maxDocumentBytes' | 'maxTokens'>;
  /** Answers a browser that asks for the GraphQL page (GraphiQL); it runs no operation. */
  sendGraphiQL(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

/**
 * POST/GET /graphql: authenticates the bearer token (401 and nothing runs when it fails),
 * runs the operation in one request transaction, and commits it before answering, so an
 * acknowledged write is durable.
 */
export function createGraphQLHandler(options: GraphQLHandlerOptions) {
  const { apollo, logger, bodyLimitBytes, documentLimits } = options;

  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> => {
    // Decided once: a page runs no operation, and every other path authenticates first
    // (Apollo's own landing page is off, so Apollo never answers with a page itself).
    if (prefersHtml(req)) return options.sendGraphiQL(req, res);

    const context = await authenticate(req, res, requestId, options);
    if (!context) return;

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
