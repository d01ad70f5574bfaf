import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from '../context';
import { queryTooComplex } from './limit-errors';
import { operationCost } from './operation-cost';

/**
 * Refuses an operation whose estimated cost, with its variables, is over `maxCost`, once
 * Apollo has parsed and validated it and before anything executes.
 */
export function costLimitPlugin(maxCost: number): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const cost = operationCost(schema, document, operation, request.variables ?? {});
          if (cost > maxCost) throw queryTooComplex(cost, maxCost);
        },
      };
    },
  };
}
