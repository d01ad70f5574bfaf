import { Field, ID, InputType } from 'type-graphql';
import { MatchStatus } from './matching.enums';

@InputType({ description: 'A decision on a match between two items.' })
export class ItemMatchDecideInput {
  @Field(() => ID, { description: 'One item of the pair.' })
  itemId: string;

  @Field(() => ID, { description: 'The other item of the pair.' })
  otherItemId: string;

  @Field(() => MatchStatus, { description: 'CONFIRMED or REJECTED (or SUGGESTED to withdraw a decision).' })
  status: MatchStatus;

  @Field(() => String, { nullable: true, description: 'Why, for the analysts who read the pair; at most 10,000 characters.' })
  note?: string | null;
}

@InputType({ description: 'An analyst\'s own link between two items they believe are the same item or batch.' })
export class ItemLinkInput {
  @Field(() => ID, { description: 'One item.' })
  itemId: string;

  @Field(() => ID, { description: 'The other item, of the same kind.' })
  otherItemId: string;

  @Field({ description: 'Why they are the same, for the analysts who read the pair; at most 10,000 characters.' })
  note: string;
}
