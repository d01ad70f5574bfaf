import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';

/**
 * Why a request got no usable answer: the registry said it is busy (HTTP 503
 * SERVICE_UNAVAILABLE: nothing was changed), or no answer came at all (the network, or an
 * answer lost on the way). Either way a retry is safe; an answer about the input is neither.
 */
export type RegistryUnavailable = { kind: 'busy'; requestId?: string } | { kind: 'unreachable' };

export function registryUnavailable(error: unknown): RegistryUnavailable | null {
  if (CombinedGraphQLErrors.is(error)) {
    const busy = error.errors.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
    if (!busy) return null;
    const requestId = busy.extensions?.requestId;
    return { kind: 'busy', ...(typeof requestId === 'string' ? { requestId } : {}) };
  }
  if (ServerError.is(error) && [502, 503, 504].includes(error.statusCode)) return { kind: 'busy' };
  return { kind: 'unreachable' };
}
