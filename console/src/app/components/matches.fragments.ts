import { gql } from '@apollo/client';

/** A match as the console shows it: the other record, or who holds it when the caller may not read it. */
export const MATCH_VIEW = gql`
  fragment MatchView on ItemMatch {
    basis score status reasons decidedBy decidedAt
    item {
      id kind identifier serialNumber hin batchNumber make
      seizure { id reference jurisdiction agency { id code } }
    }
    restricted { agency { id code name } jurisdiction handling }
  }
`;

export const ITEM_MATCH_DECIDE = gql`
  mutation ItemMatchDecide($input: ItemMatchDecideInput!) {
    itemMatchDecide(input: $input) {
      match { ...MatchView }
      userErrors { code message field }
    }
  }
  ${MATCH_VIEW}
`;
