import type { ErrorLike } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return <p className="loading" role="status" aria-live="polite">Loading {what}…</p>;
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="empty">{children}</p>;
}

/** A failed query: the API's own message (e.g. FORBIDDEN), or that the registry could not be reached. */
export function QueryError({ error, retry }: { error: ErrorLike; retry?: () => void }) {
  const message = CombinedGraphQLErrors.is(error)
    ? error.errors.map((e) => e.message).join('; ')
    : 'The registry could not be reached. Check the connection and try again.';
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      {retry && <button type="button" onClick={retry}>Try again</button>}
    </div>
  );
}
