import { Field, ObjectType } from 'type-graphql';
import { UserError } from '../../graphql/errors/user-error';
import type { MatchFromItem } from './item-match.service';
import { ItemMatchType } from './item-match.type';

@ObjectType({ description: 'Result of itemMatchDecide.' })
export class ItemMatchDecidePayload {
  @Field(() => ItemMatchType, { nullable: true, description: 'The match as decided, seen from `itemId`; null when refused.' })
  match: MatchFromItem | null;

  @Field(() => [UserError], { description: 'Why the input was refused; empty on success.' })
  userErrors: UserError[];
}

@ObjectType({ description: 'Result of itemLink.' })
export class ItemLinkPayload {
  @Field(() => ItemMatchType, { nullable: true, description: 'The link, seen from `itemId`; null when refused.' })
  match: MatchFromItem | null;

  @Field(() => [UserError], { description: 'Why the input was refused; empty on success.' })
  userErrors: UserError[];
}
