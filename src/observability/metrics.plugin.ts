import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../graphql/context';
import type { RegistryMetrics } from './metrics';

/** Times every GraphQL operation Apollo answers and counts the error codes in its response. */
export function metricsPlugin(metrics: RegistryMetrics): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, operationName, operation }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors ?? [] : [];
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          metrics.observeOperation(operationName, operation?.operation, seconds, errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')));
        },
      };
    },
  };
}
