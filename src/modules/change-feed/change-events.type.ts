import { Field, ObjectType } from 'type-graphql';
import type { SeizureEntity } from '../seizure/seizure.entity';
import { SeizureType } from '../seizure/seizure.type';
import { ChangeKind } from './change-feed.enums';

@ObjectType('SeizureEvent', { description: 'A seizure the subscriber may read was recorded or amended.' })
export class SeizureEventType {
  @Field({ description: 'This change\'s position in the feed: resume with changes(after:) from it.' })
  cursor: string;

  @Field(() => ChangeKind, { description: 'SEIZURE_RECORDED or SEIZURE_AMENDED.' })
  kind: ChangeKind;

  @Field(() => SeizureType, { description: 'The seizure, as the subscriber may read it when the event is delivered.' })
  seizure: SeizureEntity;
}
