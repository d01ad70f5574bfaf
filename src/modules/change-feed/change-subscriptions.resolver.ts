import { Arg, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { SeizureFilter } from '../seizure/seizure.inputs';
import { MatchEventType, SeizureEventType } from './change-events.type';
import { matchEvents, type MatchEvent } from './match-events';
import { seizureEvents, type SeizureEvent } from './seizure-events';

@Resolver()
export class ChangeSubscriptionsResolver {
  @Subscription(() => SeizureEventType, {
    description: 'Seizures the subscriber may read, as they are recorded or amended (over WebSocket, graphql-transport-ws).',
    subscribe: ({ args, context }) => seizureEvents(context as RequestContext, (args as { filter?: SeizureFilter | null }).filter),
  })
  seizureRecorded(
    @Root() event: SeizureEvent,
    @Arg('filter', () => SeizureFilter, { nullable: true, description: 'Which seizures, as seizures(filter) selects them.' }) _filter: SeizureFilter | null,
  ): SeizureEvent {
    return event;
  }

  @Subscription(() => MatchEventType, {
    description: 'Item matches and sightings found that involve a record of the subscriber\'s agency (decisions are in changes only). An event holding a restricted hit is audited.',
    subscribe: ({ context }) => matchEvents(context as RequestContext),
  })
  matchFound(@Root() event: MatchEvent): MatchEvent {
    return event;
  }
}
