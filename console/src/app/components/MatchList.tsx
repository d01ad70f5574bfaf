import { useMutation } from '@apollo/client/react';
import type { TypedDocumentNode } from '@apollo/client';
import { Link } from 'react-router';
import type { ItemMatchDecideMutation, ItemMatchDecideMutationVariables, MatchViewFragment } from '../../generated/operations';
import type { MatchStatus } from '../../generated/schema-types';
import { handlingLabel, KIND_LABELS } from '../format/labels';
import { ITEM_MATCH_DECIDE } from './matches.fragments';

const DECIDE = ITEM_MATCH_DECIDE as TypedDocumentNode<ItemMatchDecideMutation, ItemMatchDecideMutationVariables>;

export function formatScore(score: number): string {
  return score >= 1 ? 'exact' : `${Math.round(score * 100)}%`;
}

/** "held by <agency> (<jurisdiction>), <handling>: ask them": a hit on a record the caller may not read. */
export function RestrictedHitText({ hit }: { hit: NonNullable<MatchViewFragment['restricted']> }) {
  return (
    <span className="restricted-hit">
      held by {hit.agency.name} ({hit.agency.code}, {hit.jurisdiction}), {handlingLabel(hit.handling)}: ask them
    </span>
  );
}

export function MatchTarget({ match }: { match: MatchViewFragment }) {
  if (match.restricted) return <RestrictedHitText hit={match.restricted} />;
  const other = match.item!;
  return (
    <span>
      {KIND_LABELS[other.kind]} <code>{other.hin ?? other.serialNumber ?? other.batchNumber ?? other.identifier}</code> in{' '}
      <Link to={`/seizures/${encodeURIComponent(other.seizure.id)}`}>{other.seizure.reference}</Link>{' '}
      ({other.seizure.agency.code}, {other.seizure.jurisdiction})
    </span>
  );
}

/** Confirm / reject buttons for an analyst; a decision covers the pair both ways and can be changed. */
export function DecideButtons({ itemId, match }: { itemId: string; match: MatchViewFragment }) {
  const [decide, { loading, data }] = useMutation(DECIDE);
  if (!match.item) return null;
  const otherItemId = match.item.id;
  const problem = data?.itemMatchDecide.userErrors[0]?.message;
  const set = (status: MatchStatus) => void decide({
    variables: { input: { itemId, otherItemId, status } },
    // The queue's pages are merged in the cache: drop them, so the queue is read again from the start.
    update(cache) {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'matchReview' });
      cache.gc();
    },
    refetchQueries: ['SeizurePage', 'ItemSearch'],
  }).catch(() => undefined);
  return (
    <span className="decide">
      <button type="button" className="small" disabled={loading || match.status === 'CONFIRMED'} onClick={() => set('CONFIRMED')}>Confirm</button>
      <button type="button" className="small secondary" disabled={loading || match.status === 'REJECTED'} onClick={() => set('REJECTED')}>Reject</button>
      {problem && <span className="field-error" role="alert">{problem}</span>}
    </span>
  );
}

export function MatchList({ itemId, matches, canDecide }: { itemId: string; matches: readonly MatchViewFragment[]; canDecide: boolean }) {
  if (matches.length === 0) return <p className="empty small-text">No matches recorded elsewhere.</p>;
  return (
    <ul className="matches" aria-label="Matches">
      {matches.map((match, index) => (
        <li key={match.item?.id ?? `restricted-${index}`} className={match.restricted ? 'match restricted' : 'match'}>
          <span className={`status status-${match.status.toLowerCase()}`}>{match.status.toLowerCase()}</span>{' '}
          <span className="basis">{match.basis.replace('SAME_', 'same ').toLowerCase()}, {formatScore(match.score)}</span>{' '}
          <MatchTarget match={match} />
          {match.reasons.length > 0 && <span className="reasons"> — {match.reasons.join('; ')}</span>}
          {canDecide && <DecideButtons itemId={itemId} match={match} />}
        </li>
      ))}
    </ul>
  );
}
