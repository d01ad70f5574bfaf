// A seizure's items in the order recorded, refetched through node(id:) (a Node fragment).
import { graphql } from './graphql-tag';

export const seizureItemsFragment = graphql`
  fragment SeizureItems_seizure on Seizure
  @argumentDefinitions(count: { type: "Int", defaultValue: 5 }, cursor: { type: "String" })
  @refetchable(queryName: "SeizureItemsPaginationQuery") {
    items(first: $count, after: $cursor) @connection(key: "SeizureItems_items") {
      edges { node { id kind identifier quantity } }
    }
  }
`;
