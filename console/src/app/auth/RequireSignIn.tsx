import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from './session';

/** Pages behind sign-in: without a token, go to sign-in and come back after. */
export function RequireSignIn() {
  const { signedIn } = useSession();
  const location = useLocation();
  if (!signedIn) return <Navigate to="/sign-in" replace state={{ from: location.pathname + location.search }} />;
  return <Outlet />;
}
