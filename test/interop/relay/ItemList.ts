// Items found by identifier, paged both ways: Relay's bidirectional connection (first/after and last/before).
import { graphql } from './graphql-tag';

export const itemListFragment = graphql`
  fragment ItemList_query on Query
  @argumentDefinitions(
    first: { type: "Int" }
    after: { type: "String" }
    last: { type: "Int" }
    before: { type: "String" }
    filter: { type: "ItemFilter" }
  )
  @refetchable(queryName: "ItemListPaginationQuery") {
    items(first: $first, after: $after, last: $last, before: $before, filter: $filter)
    @connection(key: "ItemList_items", filters: ["filter"]) {
      totalCount
      edges {
        node {
          id
          kind
          serialNumber
          identifier
          seizure { id reference }
        }
      }
    }
  }
`;
