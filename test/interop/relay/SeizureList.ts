// A partner's list of seizures, paged forwards (usePaginationFragment on a Query fragment).
import { graphql } from './graphql-tag';

export const seizureListFragment = graphql`
  fragment SeizureList_query on Query
  @argumentDefinitions(count: { type: "Int", defaultValue: 20 }, cursor: { type: "String" }, filter: { type: "SeizureFilter" })
  @refetchable(queryName: "SeizureListPaginationQuery") {
    seizures(first: $count, after: $cursor, filter: $filter) @connection(key: "SeizureList_seizures", filters: ["filter"]) {
      totalCount
      edges {
        node {
          id
          reference
          seizedAt
          jurisdiction
          ...SeizureItems_seizure
        }
      }
    }
  }
`;
