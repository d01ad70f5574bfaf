// A supplier's movements received, newest first, refetched through node(id:) and paged backwards.
import { graphql } from './graphql-tag';

export const supplierMovementsFragment = graphql`
  fragment SupplierMovements_supplier on Supplier
  @argumentDefinitions(count: { type: "Int", defaultValue: 10 }, cursor: { type: "String" })
  @refetchable(queryName: "SupplierMovementsPaginationQuery") {
    id
    name
    movementsIn(last: $count, before: $cursor) @connection(key: "SupplierMovements_movementsIn") {
      edges {
        node {
          id
          occurredAt
          mode
          from { id name }
        }
      }
    }
  }
`;

export const supplierScreenQuery = graphql`
  query SupplierMovementsScreenQuery($id: ID!) {
    supplier(id: $id) {
      ...SupplierMovements_supplier
    }
  }
`;
