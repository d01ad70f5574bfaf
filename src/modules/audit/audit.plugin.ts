import type { ApolloServerPlugin } from '@apollo/server';
import { getArgumentValues, Kind, type FieldNode, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { isDatabaseUnavailable } from '../../db/database-unavailable';
import { answerServiceUnavailable, formatError } from '../../graphql/errors/error-policy';
import type { RequestContext } from '../../graphql/context';
import type { Logger } from '../../shared/logger';
import { appendAuditEvents, type AuditOutcome, type AuditRecord } from './audit.service';

/** Queries audited whatever they answer: supply-chain walks, and who holds an identifier. */
const AUDITED_QUERIES = new Set(['supplyChain', 'supplierReach', 'sightings', 'moneyTrail']);

/** Ids the caller named in a field's arguments (`id`, `*Id`, `*Ids`), as given. */
function namedIds(args: unknown, found: string[] = []): string[] {
  if (Array.isArray(args)) args.forEach((value) => namedIds(value, found));
  else if (args && typeof args === 'object') {
    for (const [name, value] of Object.entries(args)) {
      if (/^(id|\w+Ids?)$/.test(name) && (typeof value === 'string' || Array.isArray(value))) {
        found.push(...([] as unknown[]).concat(value).filter((v): v is string => typeof v === 'string'));
      } else namedIds(value, found);
    }
  }
  return found;
}

/**
 * How one root field ended: DENIED when refused as FORBIDDEN (an error or a user error), FAILED
 * for any other error or user error, else SUCCESS.
 */
function outcomeOf(answer: unknown, errors: readonly GraphQLFormattedError[]): AuditOutcome {
  if (errors.some((e) => e.extensions?.code === 'FORBIDDEN')) return 'DENIED';
  if (errors.length > 0) return 'FAILED';
  const userErrors = (answer as { userErrors?: Array<{ code: string }> } | null)?.userErrors ?? [];
  if (userErrors.some((e) => e.code === 'FORBIDDEN')) return 'DENIED';
  return userErrors.length > 0 ? 'FAILED' : 'SUCCESS';
}

/**
 * Writes the audit trail of each operation that ran, before its transaction commits: every mutation
 * (its SUCCESS in the same transaction as the change; a refused one as FAILED or DENIED, its
 * change having been rolled back to its savepoint), every supply-chain walk, every denied
 * query, and every answer that contained a restricted hit.
 */
export function auditPlugin(schema: GraphQLSchema, logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, response, request }) {
          if (!operation || response.body.kind !== 'single') return;
          const { data, errors = [] } = response.body.singleResult;
          // No `data` at all: the request was refused before execution (a limit, a mutation over
          // GET, variables that did not coerce), so nothing ran and there is nothing to audit.
          if (data === undefined) return;
          const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
          const events: AuditRecord[] = [];
          for (const selection of operation.selectionSet.selections) {
            if (selection.kind !== Kind.FIELD) continue;
            const field = selection as FieldNode;
            const name = field.name.value;
            const key = field.alias?.value ?? name;
            const answer = (data as Record<string, unknown> | null | undefined)?.[key];
            const fieldErrors = errors.filter((e) => e.path?.[0] === key);
            const denied = fieldErrors.some((e) => e.extensions?.code === 'FORBIDDEN');
            const audited = operation.operation === 'mutation' || AUDITED_QUERIES.has(name) || denied || contextValue.audit.restrictedHitsIn.has(key);
            const definition = root?.getFields()[name];
            if (!audited || !definition) continue;
            let args: unknown = {};
            try {
              args = getArgumentValues(definition, field, request.variables ?? {});
            } catch {
              // arguments that did not coerce: nothing ran
            }
            events.push({
              actor: contextValue.claims.subject,
              agencyCode: contextValue.claims.agencyCode,
              agencyId: null,
              operation: name,
              outcome: outcomeOf(answer, fieldErrors),
              entityIds: [...new Set([...namedIds(args), ...contextValue.audit.entityIds])],
              requestId: contextValue.requestId,
              clientAddress: contextValue.audit.clientAddress,
              justification: contextValue.audit.justification,
            });
          }
          if (events.length === 0) return;
          try {
            const caller = await contextValue.tx.caller();
            for (const event of events) event.agencyId = caller.agency?.id ?? null;
            await appendAuditEvents(await contextValue.tx.manager(), events);
          } catch (error) {
            logger.error({ requestId: contextValue.requestId, err: error }, 'audit events could not be written');
            // Nothing is kept without its audit trail: the whole request fails, and a 5xx answer
            // is never committed (src/http/graphql-handler.ts). Apollo turns anything a plugin
            // throws into a bare 500, so the answer is replaced here instead.
            response.body.singleResult = { errors: [formatError({ message: '', extensions: { requestId: contextValue.requestId } }, error)] };
            if (isDatabaseUnavailable(error)) answerServiceUnavailable(response.http);
            else response.http.status = 500;
          }
        },
      };
    },
  };
}
