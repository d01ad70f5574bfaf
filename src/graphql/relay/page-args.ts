import { ArgsType, Field, Int } from 'type-graphql';
import type { PageArguments } from '../../shared/paging/page';

/** The paging arguments every connection takes (Relay cursor connections: forwards and backwards). */
@ArgsType()
export class PageArgs implements PageArguments {
  @Field(() => Int, { nullable: true, description: 'Page forwards: at most this many rows after `after`, 0 to 100 (default 20 when neither `first` nor `last` is given). Not with `last`.' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to continue after (an edge\'s `cursor` or `pageInfo.endCursor`).' })
  after?: string | null;

  @Field(() => Int, { nullable: true, description: 'Page backwards: at most this many rows just before `before` (or the end of the list), 0 to 100, still in the list\'s order. Not with `first`.' })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor to page back from (an edge\'s `cursor` or `pageInfo.startCursor`).' })
  before?: string | null;
}
