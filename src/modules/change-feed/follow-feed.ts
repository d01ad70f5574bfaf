import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { isDatabaseUnavailable } from '../../db/database-unavailable';
import type { RequestContext } from '../../graphql/context';
import type { ChangeKind } from './change-feed.enums';
import type { Change, FeedPosition } from './change-feed.service';

/** What a round of a subscription has to turn changes into events: the transaction, rights and loaders it is resolved in. */
export interface Round {
  manager: EntityManager;
  caller: RegisteredCaller;
  context: RequestContext;
}

/**
 * A subscription's events: the changes of these kinds from now on, as the change feed lists them
 * to the subscriber (so nothing rolled back, nothing it may not read, in feed order), turned into
 * events by `eventsOf` (which may leave a change out). The subscription reads the feed with the
 * other subscriptions of the same caller in this process (feed-groups.ts): each round, in a
 * transaction bound to that caller, is resolved in that transaction, its loaders in the
 * subscriber's context, before the next begins.
 */
export async function* followFeed<E extends { position: FeedPosition }>(
  context: RequestContext,
  kinds: readonly ChangeKind[],
  eventsOf: (changes: Change[], round: Round) => AsyncGenerator<E>,
): AsyncGenerator<E> {
  const live = context.live;
  if (!live) throw new Error('subscriptions are served over WebSocket only');
  const member = live.join(kinds);
  try {
    for (;;) {
      const round = await member.next();
      Object.assign(context, round.scope);
      let delivered: FeedPosition | undefined;
      try {
        for await (const event of eventsOf(round.changes, { manager: round.manager, caller: round.caller, context })) {
          yield event;
          delivered = event.position;
        }
        delivered = round.end;
      } catch (error) {
        // The database went away mid-round: what was not delivered comes in a later round.
        if (!isDatabaseUnavailable(error)) throw error;
      } finally {
        member.done(delivered);
      }
    }
  } finally {
    member.leave();
  }
}
