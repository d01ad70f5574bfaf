import type { RequestContext } from '../../graphql/context';
import { toGlobalId } from '../../graphql/relay/global-id';
import { appendAuditEvents } from '../audit/audit.service';
import type { ItemEntity } from '../item/item.entity';
import { matchesAsSeen, type MatchView } from '../matching/item-match.service';
import type { SightingView } from '../sighting/sighting.service';
import { ChangeKind } from './change-feed.enums';
import { ChangeFeedService, type Change } from './change-feed.service';
import { followFeed, type EventRound } from './follow-feed';

export interface MatchEvent {
  cursor: string;
  kind: ChangeKind;
  item: ItemEntity | null;
  match: MatchView | null;
  sighting: SightingView | null;
}

/**
 * The match, seen from the subscriber's item, to the change's other item: that item when the
 * subscriber may read it, else a hit naming its agency; none for TLP_RED (nothing is sent).
 */
async function matchSeen(context: RequestContext, change: Change): Promise<Pick<MatchEvent, 'item' | 'match'> | null> {
  const item = await context.loaders.item.byId.load(change.record!.id);
  if (!item) return null;
  const [readable, hits] = await Promise.all([context.loaders.matching.ofItem.load(item.id), context.loaders.matching.hitsOf.load(item.id)]);
  const match = readable.find((m) => m.otherItemId === change.other!.id)
    ?? matchesAsSeen([], hits).find((hit) => 'restrictedHit' in hit && hit.restrictedHit.agencyId === change.other!.agencyId);
  return match ? { item, match } : null;
}

/** The sighting, seen from the subscriber's record, of the change's other record (or a hit in its place). */
async function sightingSeen(context: RequestContext, change: Change): Promise<SightingView | null> {
  const { sighting } = context.loaders;
  const of = { Supplier: sighting.ofSupplier, Payment: sighting.ofPayment, Advert: sighting.ofAdvert }[change.record!.type as 'Supplier' | 'Payment' | 'Advert'];
  const views = await of.load(change.record!.id);
  return views.find((view) => !('restrictedHit' in view) && view.other.id === change.other!.id)
    ?? views.find((view) => 'restrictedHit' in view && view.restrictedHit.agencyId === change.other!.agencyId)
    ?? null;
}

/**
 * Matches and sightings found from now on that involve a record of the subscriber's agency, each
 * from the subscriber's side. An event holding a restricted hit is audited as `matchFound`, as
 * a query showing one would be.
 */
export function matchEvents(context: RequestContext): AsyncIterableIterator<EventRound<MatchEvent>> {
  return followFeed(context, [ChangeKind.MATCH_FOUND, ChangeKind.SIGHTING_FOUND], async (changes, { manager, caller }) => {
    // Every change of the round at once, so the loaders take them in one statement each.
    const events = await Promise.all(changes.map(async (change): Promise<MatchEvent | null> => {
      const cursor = ChangeFeedService.cursorOf(change);
      if (change.kind === ChangeKind.MATCH_FOUND) {
        const seen = await matchSeen(context, change);
        return seen ? { cursor, kind: change.kind, ...seen, sighting: null } : null;
      }
      const sighting = await sightingSeen(context, change);
      return sighting ? { cursor, kind: change.kind, item: null, match: null, sighting } : null;
    }));
    const hits = changes.filter((_, i) => {
      const hit = events[i]?.match ?? events[i]?.sighting;
      return hit && 'restrictedHit' in hit;
    });
    if (hits.length > 0) {
      await appendAuditEvents(manager, hits.map((change) => ({
        actor: caller.subject, agencyCode: caller.agency.code, agencyId: caller.agency.id, operation: 'matchFound', outcome: 'SUCCESS',
        entityIds: [toGlobalId(change.record!.type, change.record!.id)], requestId: context.requestId, clientAddress: null, justification: null,
      })));
    }
    return events.filter((event): event is MatchEvent => event !== null);
  });
}
