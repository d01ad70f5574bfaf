import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context';
import { NUL_REFUSAL, pathToNul } from './nul-character';

/**
 * Refuses a request whose variables hold a string with a NUL character: BAD_USER_INPUT, HTTP
 * 400, before anything runs (like any malformed value of a variable).
 */
export function nulVariablesPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request }) {
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const path = pathToNul(value, name);
            if (path) {
              throw new GraphQLError(`${NUL_REFUSAL}: variable "$${name}" at "${path}".`, {
                extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
              });
            }
          }
        },
      };
    },
  };
}
