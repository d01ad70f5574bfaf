import { gql, type TypedDocumentNode } from '@apollo/client';
import type { AgenciesQuery, AgenciesQueryVariables, SeizureRecordMutation, SeizureRecordMutationVariables } from '../../../generated/operations';

export const SEIZURE_RECORD: TypedDocumentNode<SeizureRecordMutation, SeizureRecordMutationVariables> = gql`
  mutation SeizureRecord($input: SeizureRecordInput!) {
    seizureRecord(input: $input) {
      seizure { id reference }
      userErrors { code message field }
    }
  }
`;

export const AGENCIES: TypedDocumentNode<AgenciesQuery, AgenciesQueryVariables> = gql`
  query Agencies { agencies { id code name jurisdiction } }
`;
