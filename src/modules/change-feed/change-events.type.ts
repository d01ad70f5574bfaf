import { Field, ObjectType } from 'type-graphql';
import type { ItemEntity } from '../item/item.entity';
import { ItemType } from '../item/item.type';
import type { MatchView } from '../matching/item-match.service';
import { ItemMatchType } from '../matching/item-match.type';
import type { SeizureEntity } from '../seizure/seizure.entity';
import { SeizureType } from '../seizure/seizure.type';
import type { SightingView } from '../sighting/sighting.service';
import { SightingType } from '../sighting/sighting.type';
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

@ObjectType('MatchEvent', { description: 'A match or sighting involving a record of the subscriber\'s agency was found.' })
export class MatchEventType {
  @Field({ description: 'This change\'s position in the feed: resume with changes(after:) from it.' })
  cursor: string;

  @Field(() => ChangeKind, { description: 'MATCH_FOUND or SIGHTING_FOUND.' })
  kind: ChangeKind;

  @Field(() => ItemType, { nullable: true, description: 'For a match: the subscriber\'s agency\'s item of the pair.' })
  item: ItemEntity | null;

  @Field(() => ItemMatchType, { nullable: true, description: 'For a match: the match, seen from that item (the other item, or a restricted hit).' })
  match: MatchView | null;

  @Field(() => SightingType, { nullable: true, description: 'For a sighting: seen from the subscriber\'s record, pointing at the other record (or a restricted hit).' })
  sighting: SightingView | null;
}
