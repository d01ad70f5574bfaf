import { Field, ObjectType } from 'type-graphql';
import { PageInfo } from '../../graphql/relay/connection';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { ChangeKind } from './change-feed.enums';
import type { ChangedRecord } from './change-feed.service';

@ObjectType('Change', { description: 'A change in the durable feed: what happened, when, and to which record.' })
export class ChangeType {
  @Field({ description: 'Opaque position in the feed; pass it as `after` to resume after this change.' })
  cursor: string;

  @Field(() => ChangeKind, { description: 'What happened.' })
  kind: ChangeKind;

  @Field(() => DateTimeScalar, { description: 'When the change was written (its transaction\'s time).' })
  at: Date;

  /** Resolved by ChangeFeedResolver.record. */
  changed: ChangedRecord | null;
}

@ObjectType('ChangeEdge', { description: 'One change in a page, with its cursor.' })
export class ChangeEdgeType {
  @Field({ description: 'Opaque position of this change; pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => ChangeType, { description: 'The change.' })
  node: ChangeType;
}

@ObjectType('ChangeConnection', { description: 'A page of the change feed, oldest first.' })
export class ChangeConnectionType {
  @Field(() => [ChangeEdgeType], { description: 'The changes of this page with their cursors.' })
  edges: ChangeEdgeType[];

  @Field(() => [ChangeType], { description: 'The changes of this page.' })
  nodes: ChangeType[];

  @Field(() => PageInfo, { description: 'Where this page starts and ends; endCursor is where to resume.' })
  pageInfo: PageInfo;
}
