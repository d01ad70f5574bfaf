import { useApolloClient } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { demoTokenOfPage } from '../../shared/session-token';
import { VIEWER } from '../graphql/viewer';
import { useSession } from './session';

/** Paste a bearer token (or, outside production, take the demo token the service wrote into the page). */
export function SignInPage() {
  const session = useSession();
  const client = useApolloClient();
  const navigate = useNavigate();
  const location = useLocation();
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [checking, setChecking] = useState(false);
  const demoToken = demoTokenOfPage();

  async function signInWith(candidate: string) {
    const trimmed = candidate.trim().replace(/^Bearer\s+/i, '');
    if (!trimmed) return setError('Paste a token first.');
    setChecking(true);
    setError(null);
    try {
      // Checked against the API before it is kept: a refused token never becomes the session.
      await client.query({ query: VIEWER, fetchPolicy: 'network-only', context: { signingIn: true, headers: { authorization: `Bearer ${trimmed}` } } });
      await client.clearStore();
      session.signIn(trimmed);
      const from = (location.state as { from?: string } | null)?.from;
      navigate(from && from !== '/sign-in' ? from : '/', { replace: true });
    } catch {
      setError('That token was refused: it is expired, malformed or not signed for this registry.');
    } finally {
      setChecking(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void signInWith(token);
  }

  return (
    <main className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">Seizure registry</h1>
      {session.notice && <p className="notice notice-warning" role="alert">{session.notice}</p>}
      <form onSubmit={submit} className="card">
        <label htmlFor="token">Bearer token</label>
        <textarea id="token" rows={4} value={token} onChange={(e) => setToken(e.target.value)} autoFocus spellCheck={false}
          autoComplete="off" placeholder="eyJhbGciOi…" aria-describedby="token-help" />
        <p id="token-help" className="help">Kept in this tab only, until you sign out or close it.</p>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="actions">
          <button type="submit" disabled={checking}>{checking ? 'Checking…' : 'Sign in'}</button>
          {demoToken && (
            <button type="button" className="secondary" disabled={checking} onClick={() => void signInWith(demoToken)}>
              Use the demo token
            </button>
          )}
        </div>
      </form>
    </main>
  );
}
