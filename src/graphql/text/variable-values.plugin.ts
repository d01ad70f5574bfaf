import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context';
import { MAX_VARIABLE_DEPTH, NUL_REFUSAL, variableProblem } from './nul-character';

/**
 * Refuses a request whose variables hold a string with a NUL character, or nest deeper than any
 * input of the schema could: BAD_USER_INPUT, HTTP 400, before anything runs (like any malformed
 * value of a variable).
 */
export function variableValuesPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const problem = variableProblem(value, name);
            if (!problem) continue;
            const message = problem.kind === 'nul'
              ? `${NUL_REFUSAL}: variable "$${name}" at "${problem.path}".`
              : `Variable "$${name}" nests deeper than ${MAX_VARIABLE_DEPTH} levels at "${problem.path}".`;
            throw new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
          }
        },
      };
    },
  };
}
