import { useQuery } from '@apollo/client/react';
import { Link, useLocation, useParams } from 'react-router';
import { hasRole, useViewer } from '../../auth/viewer-context';
import { DateTime } from '../../components/DateTime';
import { Handling } from '../../components/Handling';
import { Empty, Loading, QueryError } from '../../components/status';
import { usePageTitle } from '../../layout/page-title';
import { ItemCard } from './ItemCard';
import { SEIZURE_PAGE } from './seizure.queries';

/** A seizure with its items, each item's matches and custody. */
export function SeizurePage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const location = useLocation();
  const { data, error, refetch } = useQuery(SEIZURE_PAGE, { variables: { id } });
  const seizure = data?.seizure;
  usePageTitle(seizure ? `Seizure ${seizure.reference}` : 'Seizure');
  if (error && !data) return <QueryError error={error} retry={() => void refetch()} />;
  if (!data) return <Loading what="the seizure" />;
  if (!seizure) return <Empty>No such seizure, or you may not read it.</Empty>;
  const own = seizure.agency.id === viewer.agency?.id && hasRole(viewer, 'OFFICER');
  const justRecorded = (location.state as { recorded?: boolean } | null)?.recorded;
  return (
    <>
      {justRecorded && <p className="notice notice-success" role="status">Seizure recorded.</p>}
      <div className="page-head">
        <h1>Seizure {seizure.reference}</h1>
        {own && <Link className="button secondary" to={`/seizures/${encodeURIComponent(seizure.id)}/amend`}>Amend</Link>}
      </div>
      <dl className="facts card">
        <dt>Seized</dt><dd><DateTime value={seizure.seizedAt} /></dd>
        <dt>Jurisdiction</dt><dd>{seizure.jurisdiction}</dd>
        <dt>Agency</dt><dd>{seizure.agency.name} ({seizure.agency.code})</dd>
        <dt>Handling</dt><dd><Handling code={seizure.handling} />{seizure.sharedWith.length > 0 && <> shared with {seizure.sharedWith.map((a) => a.code).join(', ')}</>}</dd>
        {seizure.location && <><dt>Location</dt><dd>{seizure.location.description ?? ''}{seizure.location.latitude !== null && ` (${seizure.location.latitude}, ${seizure.location.longitude})`}</dd></>}
        {seizure.notes && <><dt>Notes</dt><dd className="pre">{seizure.notes}</dd></>}
        <dt>Recorded</dt><dd><DateTime value={seizure.recordedAt} /> · version {seizure.version}</dd>
      </dl>
      <h2>Items ({seizure.items.totalCount})</h2>
      {seizure.items.edges.map(({ node }) => <ItemCard key={node.id} item={node} canDecide={hasRole(viewer, 'ANALYST')} />)}
    </>
  );
}
