import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from '../../shared/logger';
import type { RequestContext } from '../context';
import { isClientCode } from './error-policy';


/** Logs unexpected errors with their stack and request id, and puts the request id on every error a client sees. */
export function requestErrorsPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (isClientCode(error.extensions?.code)) continue;
            const cause = error.originalError ?? error;
            logger.error({ requestId: contextValue.requestId, operationName, path: error.path, err: cause }, 'unexpected error');
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          for (const error of response.body.singleResult.errors ?? []) {
            Object.assign(error, { extensions: { ...error.extensions, requestId: contextValue.requestId } });
          }
        },
      };
    },
  };
}
