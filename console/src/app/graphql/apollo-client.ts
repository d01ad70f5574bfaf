import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { readToken } from '../../shared/session-token';

/** Called when the registry answers UNAUTHENTICATED (HTTP 401): the token expired or was revoked. */
export type OnUnauthenticated = (message: string) => void;

function isUnauthenticated(error: unknown): boolean {
  if (ServerError.is(error) && error.statusCode === 401) return true;
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
}

/**
 * One client for the console: the public /graphql endpoint, the tab's bearer token, and a
 * normalised cache keyed by the API's global ids (Relay connections merged page by page).
 */
export function createApolloClient(onUnauthenticated: OnUnauthenticated): ApolloClient {
  // A header already set by the caller wins: the sign-in page checks a pasted token before keeping it.
  const auth = new SetContextLink((prev) => {
    const token = readToken();
    if (prev.headers?.authorization || !token) return {};
    return { headers: { ...prev.headers, authorization: `Bearer ${token}` } };
  });
  const signOutOn401 = new ErrorLink(({ error, operation }) => {
    if (!operation.getContext().signingIn && isUnauthenticated(error)) onUnauthenticated('Your session has ended (the token expired or is no longer valid). Sign in again.');
  });
  const http = new HttpLink({
    uri: '/graphql',
    // Apollo Client reads the error body of a non-2xx answer only in this media type.
    headers: { accept: 'application/graphql-response+json, application/json' },
  });
  return new ApolloClient({
    link: ApolloLink.from([signOutOn401, auth, http]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            seizures: relayStylePagination(['filter']),
            items: relayStylePagination(['filter']),
            suppliers: relayStylePagination(['filter']),
            matchReview: relayStylePagination(['filter']),
          },
        },
        Seizure: { fields: { items: relayStylePagination() } },
        Viewer: { keyFields: [] },
        // Shared facts without ids of their own: kept inside their parent.
        ItemMatch: { keyFields: false },
        MatchReviewEntry: { keyFields: false },
        RestrictedHit: { keyFields: false },
        Location: { keyFields: false },
      },
    }),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
