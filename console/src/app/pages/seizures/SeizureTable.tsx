import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import type { SeizureFilter } from '../../../generated/schema-types';
import { DateTime } from '../../components/DateTime';
import { Handling } from '../../components/Handling';
import { Empty, Loading, QueryError } from '../../components/status';
import { SEIZURE_LIST } from './seizure.queries';

const PAGE = 25;

/** Seizures matching a filter, newest first, with "show more" (a Relay connection merged in the cache). */
export function SeizureTable({ filter, emptyText }: { filter: SeizureFilter; emptyText: string }) {
  const { data, error, loading, fetchMore, refetch } = useQuery(SEIZURE_LIST, { variables: { filter, first: PAGE } });
  if (error && !data) return <QueryError error={error} retry={() => void refetch()} />;
  if (!data) return <Loading what="seizures" />;
  const { edges, totalCount, pageInfo } = data.seizures;
  if (edges.length === 0) return <Empty>{emptyText}</Empty>;
  return (
    <>
      <p className="count" aria-live="polite">{totalCount} seizure{totalCount === 1 ? '' : 's'}</p>
      <div className="table-wrap">
        <table className="list">
          <thead>
            <tr><th scope="col">Reference</th><th scope="col">Seized</th><th scope="col">Where</th><th scope="col">Agency</th><th scope="col">Handling</th><th scope="col">Items</th></tr>
          </thead>
          <tbody>
            {edges.map(({ node }) => (
              <tr key={node.id}>
                <td><Link to={`/seizures/${encodeURIComponent(node.id)}`}>{node.reference}</Link></td>
                <td><DateTime value={node.seizedAt} /></td>
                <td>{node.jurisdiction}</td>
                <td>{node.agency.code}</td>
                <td><Handling code={node.handling} /></td>
                <td className="num">{node.items.totalCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageInfo.hasNextPage && (
        <button type="button" className="secondary" disabled={loading}
          onClick={() => void fetchMore({ variables: { after: pageInfo.endCursor } })}>
          {loading ? 'Loading…' : 'Show more'}
        </button>
      )}
    </>
  );
}
