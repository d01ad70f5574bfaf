import { useQuery } from '@apollo/client/react';
import { NavLink, Outlet } from 'react-router';
import { hasRole, ViewerContext } from '../auth/viewer-context';
import { useSession } from '../auth/session';
import { Loading, QueryError } from '../components/status';
import { VIEWER } from '../graphql/viewer';

/** The signed-in frame: navigation by role, who is signed in, and the page. */
export function AppLayout() {
  const { signOut } = useSession();
  const { data, error, refetch } = useQuery(VIEWER, { fetchPolicy: 'cache-first' });
  if (error && !data) return <main className="page"><QueryError error={error} retry={() => void refetch()} /></main>;
  if (!data) return <main className="page"><Loading what="your account" /></main>;
  const viewer = data.viewer;
  const officer = hasRole(viewer, 'OFFICER');
  const analyst = hasRole(viewer, 'ANALYST');
  return (
    <ViewerContext.Provider value={viewer}>
      <a className="skip-link" href="#main">Skip to content</a>
      <header className="app-header">
        <NavLink to="/" className="brand" end>Seizure registry</NavLink>
        <nav aria-label="Main">
          <ul>
            <li><NavLink to="/" end>Recent</NavLink></li>
            {officer && <li><NavLink to="/seizures/new">Record seizure</NavLink></li>}
            <li><NavLink to="/seizures" end>Search seizures</NavLink></li>
            <li><NavLink to="/items">Items</NavLink></li>
            <li><NavLink to="/suppliers">Suppliers</NavLink></li>
            {analyst && <li><NavLink to="/review">Review queue</NavLink></li>}
            <li><a href="/graphql">GraphiQL</a></li>
          </ul>
        </nav>
        <div className="who">
          <span title={viewer.roles.join(', ')}>{viewer.subject} · {viewer.agency?.code ?? 'no agency'}</span>
          <button type="button" className="link-button" onClick={() => signOut()}>Sign out</button>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </ViewerContext.Provider>
  );
}
