// Apollo Client 4, as a partner's application would run it, in Node against the real server
// over HTTP (HttpLink with Node's own fetch). Each case builds its own client with
// `clientFor`; add more cases beside the ones here.
import { ApolloClient, CombinedGraphQLErrors, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { filter as where, firstValueFrom } from 'rxjs';
import { Role } from '../../src/auth/roles';
import { makeAgency, type TestAgency } from '../factories/agency.factory';
import { makeSeizure } from '../factories/seizure.factory';
import { TestApp } from '../setup/test-app';

let app: TestApp;
let agency: TestAgency;

/** A client of the registry with its own cache, sending this bearer token (or none). */
function clientFor(token: string | null, typePolicies: ConstructorParameters<typeof InMemoryCache>[0] = {}) {
  return new ApolloClient({
    link: new HttpLink({ uri: `${app.baseUrl}/graphql`, fetch, headers: token ? { authorization: `Bearer ${token}` } : {} }),
    cache: new InMemoryCache(typePolicies),
  });
}

beforeAll(async () => {
  app = await TestApp.start();
  agency = await makeAgency(app, { jurisdiction: 'BE' });
  const officer = await agency.token([Role.OFFICER]);
  // Nine seizures a day apart: newest first, AC-9 leads the list and AC-1 ends it.
  for (let day = 1; day <= 9; day++) {
    await makeSeizure(app, officer, {
      reference: `AC-${day}`,
      seizedAt: `2025-07-0${day}T06:00:00Z`,
      items: [{ kind: 'FUEL_CONTAINER', make: 'Marrowby Cans', batchNumber: `MC-${day}` }],
    });
  }
});
afterAll(() => app.stop());

describe('Apollo Client 4 over HTTP', () => {
  const SEIZURES = gql`
    query PartnerSeizures($filter: SeizureFilter, $first: Int, $after: String, $last: Int, $before: String) {
      seizures(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
        edges { cursor node { id reference } }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  `;
  interface SeizuresData {
    seizures: {
      edges: Array<{ cursor: string; node: { id: string; reference: string } }>;
      pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
    };
  }

  it('merges pages fetched forwards and then backwards into one list with relayStylePagination', async () => {
    const client = clientFor(await agency.token([Role.ANALYST]), {
      typePolicies: { Query: { fields: { seizures: relayStylePagination(['filter']) } } },
    });
    const filter = { agency: [agency.code] };
    const cached = () => client.readQuery<SeizuresData>({ query: SEIZURES, variables: { filter } })!.seizures;
    /** The references of a result's (or the cache's) seizures, in order. */
    const referencesOf = (data: unknown) => (data as SeizuresData).seizures.edges.map((e) => e.node.reference);
    const references = () => referencesOf({ seizures: cached() });

    const watched = client.watchQuery<SeizuresData>({ query: SEIZURES, variables: { filter, first: 3 } });
    const subscription = watched.subscribe(() => undefined);
    try {
      const first = await firstValueFrom(watched.pipe(where((result) => !result.loading)));
      expect(referencesOf(first.data)).toEqual(['AC-9', 'AC-8', 'AC-7']);
      expect(cached().pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });

      // Forwards from the end of the first page.
      const second = await watched.fetchMore({ variables: { after: (first.data as SeizuresData).seizures.pageInfo.endCursor } });
      expect(referencesOf(second.data)).toEqual(['AC-6', 'AC-5', 'AC-4']);
      expect(references()).toEqual(['AC-9', 'AC-8', 'AC-7', 'AC-6', 'AC-5', 'AC-4']);

      // Backwards from the start of the second page: Apollo keeps the rows from that cursor on
      // and puts the incoming ones, in the list's order, before them.
      const back = await watched.fetchMore({ variables: { first: null, last: 2, before: second.data!.seizures.pageInfo.startCursor } });
      expect(referencesOf(back.data)).toEqual(['AC-8', 'AC-7']);
      expect(references()).toEqual(['AC-8', 'AC-7', 'AC-6', 'AC-5', 'AC-4']);
      expect(cached().pageInfo).toMatchObject({
        hasPreviousPage: true,
        hasNextPage: true,
        startCursor: back.data!.seizures.pageInfo.startCursor,
        endCursor: second.data!.seizures.pageInfo.endCursor,
      });

      // Backwards again, to the start of the list.
      const start = await watched.fetchMore({ variables: { first: null, last: 2, before: back.data!.seizures.pageInfo.startCursor } });
      expect(referencesOf(start.data)).toEqual(['AC-9']);
      expect(start.data!.seizures.pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
      expect(references()).toEqual(['AC-9', 'AC-8', 'AC-7', 'AC-6', 'AC-5', 'AC-4']);
      expect(cached().pageInfo).toMatchObject({ hasPreviousPage: false, hasNextPage: true });
      // A component watching the query is given the merged list (the test's timeout bounds the wait).
      const rendered = await firstValueFrom(watched.pipe(where((result) => result.data?.seizures?.edges?.length === 6)));
      expect(referencesOf(rendered.data)).toEqual(references());
    } finally {
      subscription.unsubscribe();
      client.stop();
    }
  });

  it('reads UNAUTHENTICATED from a 401 (the refusal is sent as application/graphql-response+json, which it asks for)', async () => {
    const expired = await app.token({ sub: 'late.partner', agency: agency.code, roles: [Role.ANALYST], expiresIn: -60 });
    for (const token of [null, expired]) {
      const error = await clientFor(token).query({ query: gql`query PartnerViewer { viewer { subject } }` }).then(
        () => { throw new Error('expected the query to be refused'); },
        (refusal: unknown) => refusal,
      );
      expect(CombinedGraphQLErrors.is(error)).toBe(true);
      const { errors } = error as CombinedGraphQLErrors;
      expect(errors.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
      expect(errors[0].extensions?.requestId).toEqual(expect.any(String));
    }
  });
});
