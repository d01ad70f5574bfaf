import { Field, Float, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars/date-time';
import { MatchBasis, MatchStatus } from './matching.enums';

// item, restricted and decidedByAgency are field resolvers in ItemMatchResolver.
@ObjectType('ItemMatch', { description: 'The same item or batch recorded elsewhere, as the registry found it or an analyst linked it.' })
export class ItemMatchType {
  @Field(() => MatchBasis, { description: 'The identifier field that matched, or ANALYST_LINK.' })
  basis: MatchBasis;

  @Field(() => Float, { description: '1.0 for an exact match of normalised identifiers; strictly between 0 and 1 for a fuzzy one.' })
  score: number;

  @Field(() => MatchStatus, { description: 'SUGGESTED until an analyst decides.' })
  status: MatchStatus;

  @Field(() => [String], { description: 'Why, in words: "O read as 0 at position 5", "same make".' })
  reasons: string[];

  @Field(() => String, { nullable: true, description: 'The analyst\'s note on the link or decision.' })
  note: string | null;

  @Field(() => String, { nullable: true, description: 'Who decided or linked (token subject); null while suggested.' })
  decidedBy: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was decided or linked.' })
  decidedAt: Date | null;
}
