import type { IncomingMessage, ServerResponse } from 'node:http';
import { idOfType, optionalIdOfType } from '../graphql/relay/global-id';
import { appendAuditEvents, type AuditOutcome } from '../modules/audit/audit.service';
import type { ExportGraph } from '../modules/export/export-graph';
import { exportedGraph, type ExportStart } from '../modules/export/export-service';
import { EXPORT_FORMATS } from '../modules/export/formats/export-formats';
import { restrictedHeader } from '../modules/export/formats/restricted-hits';
import type { RequestContext } from '../graphql/context';
import { invalidArgument, Refusal } from '../shared/refusal';
import { authenticate, type AuthenticateOptions } from './authenticate';
import { sendGraphQLError } from './respond';

/** The export routes and the operation each is audited as. */
export const EXPORT_ROUTES = { '/export/supply-chain': 'exportSupplyChain', '/export/reach': 'exportReach' } as const;
type ExportRoute = keyof typeof EXPORT_ROUTES;

interface ExportRequest {
  start: ExportStart;
  /** The global id of the record the walk starts from, for the audit trail. */
  startId: string;
  format: string;
  maxDepth: number | null;
}

/** The query string of an export, checked: a bad one is refused naming the argument, before anything runs. */
function exportRequest(route: ExportRoute, query: URLSearchParams): ExportRequest {
  const given = (name: string) => (query.get(name) ?? '') !== '';
  const format = query.get('format') ?? '';
  if (!EXPORT_FORMATS[format]) throw invalidArgument(`format must be one of ${Object.keys(EXPORT_FORMATS).join(', ')}, got '${format}'`, 'format');
  const depth = query.get('maxDepth');
  if (depth !== null && !/^-?\d{1,6}$/.test(depth)) throw invalidArgument(`maxDepth must be a whole number, got '${depth}'`, 'maxDepth');
  const maxDepth = depth === null ? null : Number(depth);
  if (route === '/export/reach') {
    if (!given('supplierId')) throw invalidArgument('supplierId is required', 'supplierId');
    return { start: { walk: 'reach', supplierId: idOfType(query.get('supplierId')!, 'Supplier') }, startId: query.get('supplierId')!, format, maxDepth };
  }
  if (given('itemId') === given('seizureId')) throw invalidArgument('give exactly one of itemId and seizureId', given('itemId') ? 'seizureId' : 'itemId');
  const [name, type] = given('itemId') ? ['itemId', 'Item'] : ['seizureId', 'Seizure'];
  return { start: { walk: 'supply-chain', [name]: optionalIdOfType(query.get(name)!, type) }, startId: query.get(name)!, format, maxDepth };
}

async function audited(context: RequestContext, operation: string, outcome: AuditOutcome, entityIds: string[]): Promise<void> {
  const caller = await context.tx.caller();
  await appendAuditEvents(await context.tx.manager(), [{
    actor: caller.subject, agencyCode: caller.agencyCode, agencyId: caller.agency?.id ?? null, operation, outcome, entityIds,
    requestId: context.requestId, clientAddress: context.audit.clientAddress, justification: context.audit.justification,
  }]);
}

/**
 * GET /export/supply-chain and /export/reach: the walk of supplyChain or supplierReach, as the
 * caller may read it, in the format asked for, streamed. The walk and its audit event are
 * committed before the answer begins; the restricted hits are in X-Restricted-Hits.
 */
export function createExportHandler(options: AuthenticateOptions) {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string): Promise<void> => {
    const route = url.pathname as ExportRoute;
    const operation = EXPORT_ROUTES[route];
    if (req.method !== 'GET') return sendGraphQLError(req, res, 405, 'BAD_REQUEST', 'exports are read with GET', requestId, { allow: 'GET' });
    const context = await authenticate(req, res, requestId, options);
    if (!context) return;
    let request: ExportRequest;
    let graph: ExportGraph;
    try {
      request = exportRequest(route, url.searchParams);
      graph = await exportedGraph(context, request.start, request.maxDepth);
      await audited(context, operation, 'SUCCESS', [request.startId]);
      await context.tx.finish(true);
    } catch (error) {
      if (!(error instanceof Refusal)) {
        await context.tx.finish(false).catch(() => undefined);
        throw error;
      }
      if (error.kind === 'FORBIDDEN') {
        await audited(context, operation, 'DENIED', []);
        await context.tx.finish(true);
        return sendGraphQLError(req, res, 403, 'FORBIDDEN', error.message, requestId);
      }
      await context.tx.finish(false);
      return sendGraphQLError(req, res, 400, 'BAD_USER_INPUT', error.message, requestId);
    }
    const format = EXPORT_FORMATS[request.format];
    res.writeHead(200, {
      'content-type': format.contentType,
      'content-disposition': `attachment; filename="${route.slice('/export/'.length)}.${format.extension}"`,
      'x-restricted-hits': restrictedHeader(graph.restricted),
    });
    await format.write(graph, res);
    res.end();
  };
}
