import { Link } from 'react-router';
import { hasRole, useViewer } from '../../auth/viewer-context';
import { usePageTitle } from '../../layout/page-title';
import { SeizureTable } from './SeizureTable';

/** Home: the seizures the caller's agency recorded, newest first. */
export function RecentSeizuresPage() {
  const viewer = useViewer();
  const code = viewer.agency?.code;
  usePageTitle('Recent seizures');
  return (
    <>
      <div className="page-head">
        <h1>Recent seizures of {viewer.agency?.name ?? 'your agency'}</h1>
        {hasRole(viewer, 'OFFICER') && <Link className="button" to="/seizures/new">Record a seizure</Link>}
      </div>
      {code ? <SeizureTable filter={{ agency: [code] }} emptyText="Your agency has recorded no seizures yet." />
        : <p className="notice notice-warning">Your token names no registered agency.</p>}
    </>
  );
}
