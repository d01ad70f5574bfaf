import { gql, type TypedDocumentNode } from '@apollo/client';
import type {
  SeizureListQuery, SeizureListQueryVariables, SeizurePageQuery, SeizurePageQueryVariables,
} from '../../../generated/operations';
import { MATCH_VIEW } from '../../components/matches.fragments';

export const SEIZURE_SUMMARY = gql`
  fragment SeizureSummary on Seizure {
    id reference seizedAt jurisdiction handling
    agency { id code }
    items(first: 0) { totalCount }
  }
`;

export const SEIZURE_LIST: TypedDocumentNode<SeizureListQuery, SeizureListQueryVariables> = gql`
  query SeizureList($filter: SeizureFilter, $first: Int, $after: String) {
    seizures(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node { ...SeizureSummary } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${SEIZURE_SUMMARY}
`;

export const ITEM_DETAIL = gql`
  fragment ItemDetail on Item {
    id kind make model serialNumber hin batchNumber identifier markDamaged quantity condition description capacityLitres
    boat { lengthMetres hullMaterial colour capacityPersons }
    engine { powerHp stroke fuel }
    lifeJacket { standardClaimed ceMarked notifiedBody size buoyancyNewtons foundDangerous }
    matches { ...MatchView }
    custody {
      id occurredAt mode fromCountry toCountry documentRef handling
      from { id name } to { id name } recordedBy { id code }
    }
  }
  ${MATCH_VIEW}
`;

export const SEIZURE_PAGE: TypedDocumentNode<SeizurePageQuery, SeizurePageQueryVariables> = gql`
  query SeizurePage($id: ID!) {
    seizure(id: $id) {
      id reference seizedAt recordedAt updatedAt version jurisdiction handling notes
      location { description latitude longitude }
      agency { id code name jurisdiction }
      sharedWith { id code }
      items(first: 100) { totalCount edges { cursor node { ...ItemDetail } } pageInfo { hasNextPage endCursor } }
    }
  }
  ${ITEM_DETAIL}
`;
