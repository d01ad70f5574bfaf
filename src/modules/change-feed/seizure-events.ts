import { requireBusinessReader } from '../../auth/access';
import type { RequestContext } from '../../graphql/context';
import { pageRequest } from '../../shared/paging/page';
import type { SeizureEntity } from '../seizure/seizure.entity';
import type { SeizureFilter } from '../seizure/seizure.inputs';
import { SeizureService } from '../seizure/seizure.service';
import { ChangeKind } from './change-feed.enums';
import { ChangeFeedService } from './change-feed.service';

export interface SeizureEvent {
  cursor: string;
  kind: ChangeKind;
  seizure: SeizureEntity;
}

const SEIZURE_KINDS = [ChangeKind.SEIZURE_RECORDED, ChangeKind.SEIZURE_AMENDED];
/** However quiet the feed, it is read again this often (a notification may have been missed while reconnecting). */
const AT_LEAST_EVERY_MS = 1000;

/**
 * The seizures recorded or amended from now on that the subscriber may read and the filter
 * selects, as the change feed lists them (so nothing rolled back, and in feed order). Each round
 * reads the feed in a transaction of its own bound to the subscriber, and its events are
 * resolved in that transaction before the next round begins.
 */
export async function* seizureEvents(context: RequestContext, filter: SeizureFilter | null | undefined): AsyncGenerator<SeizureEvent> {
  const live = context.live;
  if (!live) throw new Error('subscriptions are served over WebSocket only');
  let cursor: string | null | undefined;
  for (;;) {
    Object.assign(context, live.renew());
    let more = false;
    try {
      const caller = requireBusinessReader(await context.tx.caller());
      const manager = await context.tx.manager();
      const feed = new ChangeFeedService(manager, caller);
      if (cursor === undefined) {
        cursor = await feed.endCursor();
      } else {
        const page = await feed.list(SEIZURE_KINDS, pageRequest({ first: 100, after: cursor }));
        more = page.hasNextPage;
        const selected = await new SeizureService(manager, caller).selectedIds(page.rows.map((change) => change.record!.id), filter);
        for (const change of page.rows) {
          cursor = ChangeFeedService.cursorOf(change);
          if (!selected.has(change.record!.id)) continue;
          const seizure = await context.loaders.seizure.byId.load(change.record!.id);
          if (seizure) yield { cursor, kind: change.kind, seizure };
        }
      }
    } finally {
      await context.tx.finish(true);
    }
    if (!more) await live.next(AT_LEAST_EVERY_MS);
  }
}
