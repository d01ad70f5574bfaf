import { gql, type TypedDocumentNode } from '@apollo/client';
import type { ViewerQuery, ViewerQueryVariables } from '../../generated/operations';

export const VIEWER: TypedDocumentNode<ViewerQuery, ViewerQueryVariables> = gql`
  query Viewer {
    viewer { subject roles agency { id code name jurisdiction } }
  }
`;
