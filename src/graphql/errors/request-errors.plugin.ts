import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../shared/logger';
import type { RequestContext } from '../context';
import { answerServiceUnavailable, clientCodeOf } from './error-policy';

/** Logs unexpected errors with their stack and request id, and puts the request id on every error a client sees. */
export function requestErrorsPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (clientCodeOf(error.extensions?.code, error)) continue;
            const cause = error.originalError ?? error;
            logger.error({ requestId: contextValue.requestId, operationName, path: error.path, err: cause }, 'unexpected error');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          for (const error of errors) {
            Object.assign(error, { extensions: { ...error.extensions, requestId: contextValue.requestId } });
          }
          // The request changed nothing: 503 tells clients and proxies that a retry is safe.
          if (errors.some((error) => error.extensions?.code === 'SERVICE_UNAVAILABLE')) answerServiceUnavailable(response.http);
        },
      };
    },
  };
}
