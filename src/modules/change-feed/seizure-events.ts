import type { RequestContext } from '../../graphql/context';
import type { SeizureEntity } from '../seizure/seizure.entity';
import type { SeizureFilter } from '../seizure/seizure.inputs';
import { SeizureService } from '../seizure/seizure.service';
import { ChangeKind } from './change-feed.enums';
import { ChangeFeedService, type FeedPosition } from './change-feed.service';
import { followFeed } from './follow-feed';

export interface SeizureEvent {
  cursor: string;
  position: FeedPosition;
  kind: ChangeKind;
  seizure: SeizureEntity;
}

/** The seizures recorded or amended from now on that the subscriber may read and the filter selects. */
export function seizureEvents(context: RequestContext, filter: SeizureFilter | null | undefined): AsyncGenerator<SeizureEvent> {
  return followFeed(context, [ChangeKind.SEIZURE_RECORDED, ChangeKind.SEIZURE_AMENDED], async function* (changes, { manager, caller }) {
    const selected = await new SeizureService(manager, caller).selectedIds(changes.map((change) => change.record!.id), filter);
    for (const change of changes) {
      if (!selected.has(change.record!.id)) continue;
      const seizure = await context.loaders.seizure.byId.load(change.record!.id);
      if (seizure) yield { cursor: ChangeFeedService.cursorOf(change), position: change, kind: change.kind, seizure };
    }
  });
}
