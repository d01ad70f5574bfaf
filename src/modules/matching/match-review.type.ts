import { Field, Float, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/relay/connection';
import { ItemKind } from '../item/item.enums';
import { ItemType } from '../item/item.type';
import { ItemMatchType } from './item-match.type';
import { MatchBasis, MatchStatus } from './matching.enums';

@InputType('MatchReviewFilter', { description: 'Which matches to review; every field given must hold.' })
export class MatchReviewFilter {
  @Field(() => [MatchStatus], { nullable: true, description: 'Any of these statuses (default: SUGGESTED only).' })
  status?: MatchStatus[] | null;

  @Field(() => [MatchBasis], { nullable: true, description: 'Any of these bases.' })
  basis?: MatchBasis[] | null;

  @Field(() => [ItemKind], { nullable: true, description: 'The caller\'s item is of any of these kinds.' })
  kind?: ItemKind[] | null;

  @Field(() => Float, { nullable: true, description: 'Score at least this.' })
  minScore?: number | null;

  @Field(() => Float, { nullable: true, description: 'Score at most this.' })
  maxScore?: number | null;
}

// item and match are field resolvers in MatchReviewResolver.
@ObjectType('MatchReviewEntry', { description: 'A match waiting for (or given) an analyst\'s decision.' })
export class MatchReviewEntry {
  @Field(() => ItemType, { description: 'The caller\'s agency\'s item.' })
  item: unknown;

  @Field(() => ItemMatchType, { description: 'Its match: the other item, or a restricted hit naming who to ask.' })
  match: unknown;
}

@ObjectType('MatchReviewConnection', { description: 'A page of the review queue.' })
export class MatchReviewConnection extends Connection(MatchReviewEntry, 'MatchReview', 'entries') {}
