import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { Link, useSearchParams } from 'react-router';
import type { MatchReviewQuery, MatchReviewQueryVariables } from '../../../generated/operations';
import type { MatchStatus } from '../../../generated/schema-types';
import { MATCH_VIEW } from '../../components/matches.fragments';
import { DecideButtons, formatScore, MatchTarget } from '../../components/MatchList';
import { Empty, Loading, QueryError } from '../../components/status';
import { KIND_LABELS } from '../../format/labels';
import { usePageTitle } from '../../layout/page-title';

const MATCH_REVIEW: TypedDocumentNode<MatchReviewQuery, MatchReviewQueryVariables> = gql`
  query MatchReview($filter: MatchReviewFilter, $first: Int, $after: String) {
    matchReview(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node {
        item { id kind identifier serialNumber hin batchNumber seizure { id reference } }
        match { ...MatchView }
      } }
      pageInfo { hasNextPage endCursor }
    }
  }
  ${MATCH_VIEW}
`;

const STATUSES: MatchStatus[] = ['SUGGESTED', 'CONFIRMED', 'REJECTED'];

/** Matches of the agency's items waiting for a decision, best first; the status shown is in the URL. */
export function ReviewQueuePage() {
  usePageTitle('Review queue');
  const [params, setParams] = useSearchParams();
  const status = (STATUSES.includes(params.get('status') as MatchStatus) ? params.get('status') : 'SUGGESTED') as MatchStatus;
  const { data, error, loading, fetchMore, refetch } = useQuery(MATCH_REVIEW, { variables: { filter: { status: [status] }, first: 25 } });
  return (
    <>
      <h1>Review queue</h1>
      <div className="actions" role="group" aria-label="Status">
        {STATUSES.map((s) => (
          <button key={s} type="button" className={s === status ? '' : 'secondary'} aria-pressed={s === status} onClick={() => setParams({ status: s })}>{s.toLowerCase()}</button>
        ))}
      </div>
      {error && !data ? <QueryError error={error} retry={() => void refetch()} />
        : !data ? <Loading what="the review queue" />
          : data.matchReview.edges.length === 0 ? <Empty>Nothing {status.toLowerCase()} to review.</Empty> : (
            <>
              <p className="count">{data.matchReview.totalCount} {status.toLowerCase()} match{data.matchReview.totalCount === 1 ? '' : 'es'}</p>
              <div className="table-wrap">
                <table className="list">
                  <thead><tr><th scope="col">Your item</th><th scope="col">Score</th><th scope="col">Matches</th><th scope="col">Decision</th></tr></thead>
                  <tbody>
                    {data.matchReview.edges.map(({ cursor, node }) => (
                      <tr key={cursor}>
                        <td>{KIND_LABELS[node.item.kind]} <code>{node.item.hin ?? node.item.serialNumber ?? node.item.batchNumber ?? node.item.identifier}</code><br />
                          <Link to={`/seizures/${encodeURIComponent(node.item.seizure.id)}`}>{node.item.seizure.reference}</Link></td>
                        <td>{formatScore(node.match.score)}<br /><span className="basis">{node.match.basis.replace('SAME_', 'same ').toLowerCase()}</span></td>
                        <td><MatchTarget match={node.match} />{node.match.reasons.length > 0 && <div className="reasons">{node.match.reasons.join('; ')}</div>}</td>
                        <td>{node.match.restricted ? <span className="help">ask the owner</span> : <DecideButtons itemId={node.item.id} match={node.match} />}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {data.matchReview.pageInfo.hasNextPage && (
                <button type="button" className="secondary" disabled={loading} onClick={() => void fetchMore({ variables: { after: data.matchReview.pageInfo.endCursor } })}>Show more</button>
              )}
            </>
          )}
    </>
  );
}
