import type { RegistryUnavailable } from '../../graphql/registry-unavailable';

const WHY: Record<RegistryUnavailable['kind'], string> = {
  busy: 'The registry is busy: its database could not serve the request (HTTP 503), so nothing was stored.',
  unreachable: 'The registry could not be reached, or its answer was lost on the way.',
};

/** A recording that got no answer: what happened, that nothing typed is lost, and a safe retry. */
export function RetryNotice({ why, retrying, onRetry }: { why: RegistryUnavailable; retrying: boolean; onRetry(): void }) {
  return (
    <div className="notice notice-error" role="alert">
      <p><strong>{WHY[why.kind]}</strong> Everything you typed is still here.</p>
      <p>Retrying is safe: the seizure is stored once, and if an earlier attempt was stored after all, the retry opens it.</p>
      {why.kind === 'busy' && why.requestId && <p className="help">Request id (for support): <code>{why.requestId}</code></p>}
      <button type="button" onClick={onRetry} disabled={retrying}>{retrying ? 'Retrying…' : 'Retry'}</button>
    </div>
  );
}
