import { isDatabaseUnavailable } from '../../db/database-unavailable';
import type { RequestContext } from '../../graphql/context';
import type { ChangeKind } from './change-feed.enums';
import type { Change } from './change-feed.service';
import type { FeedMember, FeedRound } from './feed-groups';

/** What a round of a subscription has to turn changes into events: the transaction, rights and loaders it is resolved in. */
export interface Round extends Pick<FeedRound, 'manager' | 'caller' | 'shared'> {
  context: RequestContext;
}

/**
 * One round's events for one subscription, resolved in the round's transaction (still open, the
 * subscriber's context on it). Whoever presents them (subscribeSharingResults) resolves their
 * selections in it too, then calls `presented`: once every subscription of the group has, the
 * round commits, and the events go out after. `shared` computes something once for the whole
 * group (same caller, same transaction), e.g. the result of the same selection of one event.
 */
/** The events of a round's changes, in their order (a change may give none). */
type EventsOf<E> = (changes: Change[], round: Round) => Promise<E[]>;

export interface EventRound<E> {
  readonly eventRound: true;
  events: E[];
  shared: FeedRound['shared'];
  presented(): void;
}

export const isEventRound = (value: unknown): value is EventRound<unknown> =>
  typeof value === 'object' && value !== null && (value as { eventRound?: unknown }).eventRound === true;

/**
 * A subscription's source stream: its events, round by round, from the changes of these kinds
 * from now on, as the change feed lists them to the subscriber (so nothing rolled back, nothing
 * it may not read, in feed order), turned into events by `eventsOf` (which may leave a change
 * out). The subscription reads the feed with the other subscriptions of the same caller in this
 * process (feed-groups.ts). Ending it (`return`) leaves the group at once, even while it waits.
 */
export function followFeed<E>(
  context: RequestContext,
  kinds: readonly ChangeKind[],
  eventsOf: EventsOf<E>,
): AsyncIterableIterator<EventRound<E>> {
  const live = context.live;
  if (!live) throw new Error('subscriptions are served over WebSocket only');
  const member = live.join(kinds);
  const rounds = roundsOf(member, context, eventsOf);
  return {
    next: () => rounds.next(),
    // A generator waiting inside (for a round) would take `return` only once it next yields.
    return: (value?: unknown) => {
      member.leave();
      return rounds.return(value as never);
    },
    throw: (error?: unknown) => rounds.throw(error),
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}

async function* roundsOf<E>(
  member: FeedMember,
  context: RequestContext,
  eventsOf: EventsOf<E>,
): AsyncGenerator<EventRound<E>> {
  try {
    for (let round = await member.next(); round; round = await member.next()) {
      Object.assign(context, round.scope);
      let events: E[];
      try {
        events = await eventsOf(round.changes, { manager: round.manager, caller: round.caller, shared: round.shared, context });
      } catch (error) {
        member.done(false);
        // The database went away mid-round: the round is read again later.
        if (isDatabaseUnavailable(error)) continue;
        throw error;
      }
      if (events.length === 0) {
        member.done(true);
        continue;
      }
      yield { eventRound: true, events, shared: round.shared, presented: () => member.done(true) };
      // In case whoever took the round did not say (done is said once).
      member.done(true);
    }
  } finally {
    member.leave();
  }
}
