import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DataSource } from 'typeorm';
import { AuthenticationError, bearerTokenOf, verifyToken, type TokenSettings } from '../auth/tokens';
import { createRequestContext, type RequestContext, type RequestContextParts } from '../graphql/context';
import { appendAuditEvents } from '../modules/audit/audit.service';
import type { Logger } from '../shared/logger';
import { sendGraphQLError } from './respond';

export interface AuthenticateOptions {
  dataSource: DataSource;
  tokens: TokenSettings;
  logger: Logger;
  contextParts: RequestContextParts;
}

/** Why the caller says they need what they ask (`X-Justification`), kept with the audit events; at most 500 characters. */
function justificationOf(req: IncomingMessage): string | null {
  const given = req.headers['x-justification'];
  const text = (Array.isArray(given) ? given.join(' ') : given ?? '').trim();
  return text === '' ? null : text.slice(0, 500);
}

/**
 * The context of a request from the caller its bearer token names; for a missing, bad or
 * expired token, a 401 answer (audited as a denied authentication) and null: nothing runs.
 */
export async function authenticate(req: IncomingMessage, res: ServerResponse, requestId: string, options: AuthenticateOptions): Promise<RequestContext | null> {
  const audit = { clientAddress: req.socket.remoteAddress ?? null, justification: justificationOf(req) };
  const token = bearerTokenOf(req.headers.authorization);
  try {
    if (!token) throw new AuthenticationError('an Authorization: Bearer <token> header is required');
    return createRequestContext(options.dataSource, await verifyToken(token, options.tokens), requestId, options.contextParts, audit);
  } catch (error) {
    if (!(error instanceof AuthenticationError)) throw error;
    // The refusal stands even if the database cannot take its audit event right now.
    await appendAuditEvents(options.dataSource, [{
      actor: error.actor, agencyCode: null, agencyId: null, operation: 'authenticate', outcome: 'DENIED',
      entityIds: [], requestId, ...audit,
    }]).catch((auditError) => options.logger.error({ requestId, err: auditError }, 'failed authentication could not be audited'));
    sendGraphQLError(req, res, 401, 'UNAUTHENTICATED', error.message, requestId, { 'www-authenticate': 'Bearer' });
    return null;
  }
}
