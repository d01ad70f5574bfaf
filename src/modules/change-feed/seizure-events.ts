import type { RequestContext } from '../../graphql/context';
import type { SeizureEntity } from '../seizure/seizure.entity';
import type { SeizureFilter } from '../seizure/seizure.inputs';
import { SeizureService, seizureFilterConditions } from '../seizure/seizure.service';
import { ChangeKind } from './change-feed.enums';
import { ChangeFeedService } from './change-feed.service';
import { followFeed, type EventRound } from './follow-feed';

export interface SeizureEvent {
  cursor: string;
  kind: ChangeKind;
  seizure: SeizureEntity;
}

/** The seizures recorded or amended from now on that the subscriber may read and the filter selects. */
export function seizureEvents(context: RequestContext, filter: SeizureFilter | null | undefined): AsyncIterableIterator<EventRound<SeizureEvent>> {
  return followFeed(context, [ChangeKind.SEIZURE_RECORDED, ChangeKind.SEIZURE_AMENDED], (changes, { manager, caller, shared }) => {
    const ids = changes.map((change) => change.record!.id);
    // Alike for every subscription of the group with this filter: computed once for them all.
    return shared(JSON.stringify(['seizure events', ids, filter ?? null]), async () => {
      // The feed lists only seizures the subscriber may read: without a filter, every one is selected.
      const selected = seizureFilterConditions(filter ?? {}).length === 0 ? new Set(ids) : await new SeizureService(manager, caller).selectedIds(ids, filter);
      const wanted = changes.filter((change) => selected.has(change.record!.id));
      // Loaded together: one statement for the round, whatever the number of seizures in it.
      const seizures = await context.loaders.seizure.byId.loadMany(wanted.map((change) => change.record!.id));
      return wanted.flatMap((change, i): SeizureEvent[] => {
        const seizure = seizures[i];
        if (seizure instanceof Error) throw seizure;
        return seizure ? [{ cursor: ChangeFeedService.cursorOf(change), kind: change.kind, seizure }] : [];
      });
    });
  });
}
