import type { EntityManager } from 'typeorm';
import { requireBusinessReader, type RegisteredCaller } from '../../auth/access';
import { isDatabaseUnavailable } from '../../db/database-unavailable';
import type { RequestContext } from '../../graphql/context';
import { pageRequest } from '../../shared/paging/page';
import type { ChangeKind } from './change-feed.enums';
import { ChangeFeedService, type Change } from './change-feed.service';

/** However quiet the feed, it is read again this often (a notification may be missed while the listener reconnects). */
const AT_LEAST_EVERY_MS = 1000;
const PER_ROUND = 100;

/** What a round of a subscription has to turn changes into events: the subscriber's transaction, rights and loaders. */
export interface Round {
  manager: EntityManager;
  caller: RegisteredCaller;
  context: RequestContext;
}

/**
 * A subscription's events: the changes of these kinds from now on, as the change feed lists them
 * to the subscriber (so nothing rolled back, nothing it may not read, in feed order), turned into
 * events by `eventsOf` (which may leave a change out). Each round reads the feed in a
 * transaction of its own bound to the subscriber, and its events are resolved in that
 * transaction before the next round begins; a round starts when the feed is heard to grow.
 */
export async function* followFeed<E>(
  context: RequestContext,
  kinds: readonly ChangeKind[],
  eventsOf: (changes: Change[], round: Round) => AsyncGenerator<E>,
): AsyncGenerator<E> {
  const live = context.live;
  if (!live) throw new Error('subscriptions are served over WebSocket only');
  let cursor: string | null | undefined;
  for (;;) {
    Object.assign(context, live.renew());
    let more = false;
    let unavailable = false;
    try {
      const caller = requireBusinessReader(await context.tx.caller());
      const manager = await context.tx.manager();
      const feed = new ChangeFeedService(manager, caller);
      if (cursor === undefined) {
        cursor = await feed.endCursor();
      } else {
        const page = await feed.list(kinds, pageRequest({ first: PER_ROUND, after: cursor }));
        more = page.hasNextPage;
        if (page.rows.length > 0) cursor = ChangeFeedService.cursorOf(page.rows[page.rows.length - 1]);
        yield* eventsOf(page.rows, { manager, caller, context });
      }
    } catch (error) {
      // The database is down or restarting: the subscription waits and reads again from where it was.
      if (!isDatabaseUnavailable(error)) throw error;
      unavailable = true;
    } finally {
      await context.tx.finish(!unavailable).catch(() => undefined);
    }
    if (!more) await live.next(AT_LEAST_EVERY_MS);
  }
}
