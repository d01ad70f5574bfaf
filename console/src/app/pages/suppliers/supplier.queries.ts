import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  SupplierCandidatesQuery, SupplierCandidatesQueryVariables, SupplierMergeMutation, SupplierMergeMutationVariables,
  SupplierPageQuery, SupplierPageQueryVariables, SupplierSearchQuery, SupplierSearchQueryVariables,
  SupplierUnmergeMutation, SupplierUnmergeMutationVariables,
} from '../../../generated/operations';

export const SUPPLIER_SEARCH: TypedDocumentNode<SupplierSearchQuery, SupplierSearchQueryVariables> = gql`
  query SupplierSearch($search: String!) {
    suppliers(filter: { search: $search }, first: 50) {
      totalCount
      edges { node { id name aliases role country handling recordedBy { id code } } }
    }
  }
`;

export const SUPPLIER_PAGE: TypedDocumentNode<SupplierPageQuery, SupplierPageQueryVariables> = gql`
  query SupplierPage($id: ID!) {
    supplier(id: $id) {
      id name aliases role country handling recordedAt
      recordedBy { id code name }
      sharedWith { id code }
      identifiers { scheme value normalised }
      mergedSuppliers { id name country recordedBy { id code } }
    }
  }
`;

export const SUPPLIER_CANDIDATES: TypedDocumentNode<SupplierCandidatesQuery, SupplierCandidatesQueryVariables> = gql`
  query SupplierCandidates($input: SupplierCandidatesInput!) {
    supplierCandidates(input: $input, first: 10) {
      score reasons
      supplier { id name aliases country role handling recordedBy { id code } }
    }
  }
`;

export const SUPPLIER_MERGE: TypedDocumentNode<SupplierMergeMutation, SupplierMergeMutationVariables> = gql`
  mutation SupplierMerge($input: SupplierMergeInput!) {
    supplierMerge(input: $input) {
      supplier { id name aliases mergedSuppliers { id name } }
      userErrors { code message field }
    }
  }
`;

export const SUPPLIER_UNMERGE: TypedDocumentNode<SupplierUnmergeMutation, SupplierUnmergeMutationVariables> = gql`
  mutation SupplierUnmerge($input: SupplierUnmergeInput!) {
    supplierUnmerge(input: $input) {
      supplier { id name }
      userErrors { code message field }
    }
  }
`;
