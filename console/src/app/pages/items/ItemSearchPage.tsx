import { gql, type TypedDocumentNode } from '@apollo/client';
import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { ItemSearchQuery, ItemSearchQueryVariables } from '../../../generated/operations';
import { MATCH_VIEW } from '../../components/matches.fragments';
import { MatchList } from '../../components/MatchList';
import { Empty, Loading, QueryError } from '../../components/status';
import { hasRole, useViewer } from '../../auth/viewer-context';
import { KIND_LABELS } from '../../format/labels';
import { usePageTitle } from '../../layout/page-title';

const ITEM_SEARCH: TypedDocumentNode<ItemSearchQuery, ItemSearchQueryVariables> = gql`
  query ItemSearch($identifier: String!) {
    items(filter: { identifier: $identifier }, first: 50) {
      totalCount
      edges { node {
        id kind make model identifier serialNumber hin batchNumber quantity
        seizure { id reference jurisdiction agency { id code } }
        matches { ...MatchView }
      } }
    }
  }
  ${MATCH_VIEW}
`;

/** Items by identifier (a HIN, serial or batch number, written any way), with their matches. */
export function ItemSearchPage() {
  usePageTitle('Items by identifier');
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const identifier = params.get('identifier') ?? '';
  const [draft, setDraft] = useState(identifier);
  const { data, error, refetch } = useQuery(ITEM_SEARCH, { variables: { identifier }, skip: !identifier });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { identifier: draft.trim() } : {});
  };
  return (
    <>
      <h1>Items by identifier</h1>
      <form className="card filters actions" role="search" onSubmit={submit}>
        <label>HIN, serial or batch number<input value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="6g5 1234567" spellCheck={false} /></label>
        <button type="submit">Search</button>
      </form>
      {!identifier ? <Empty>Spaces, hyphens and case do not matter.</Empty>
        : error && !data ? <QueryError error={error} retry={() => void refetch()} />
          : !data ? <Loading what="items" />
            : data.items.edges.length === 0 ? <Empty>No item you may read has this identifier.</Empty>
              : data.items.edges.map(({ node }) => (
                <article key={node.id} className="card">
                  <h3>{KIND_LABELS[node.kind]} <code>{node.identifier}</code> in <Link to={`/seizures/${encodeURIComponent(node.seizure.id)}`}>{node.seizure.reference}</Link> ({node.seizure.agency.code}, {node.seizure.jurisdiction})</h3>
                  <p className="help">{[node.make, node.model, node.serialNumber ?? node.hin ?? node.batchNumber].filter(Boolean).join(' · ')}{node.quantity > 1 ? ` · × ${node.quantity}` : ''}</p>
                  <MatchList itemId={node.id} matches={node.matches} canDecide={hasRole(viewer, 'ANALYST')} />
                </article>
              ))}
    </>
  );
}
