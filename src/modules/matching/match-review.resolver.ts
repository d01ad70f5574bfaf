import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { requireRole } from '../../auth/access';
import { Role } from '../../auth/roles';
import { noteRestrictedHit, type RequestContext } from '../../graphql/context';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { pageRequest } from '../../shared/paging/page';
import { PageArgs } from '../../graphql/relay/page-args';
import type { ItemEntity } from '../item/item.entity';
import { ItemType } from '../item/item.type';
import { ItemMatchType } from './item-match.type';
import { MatchReviewService, type ReviewedMatch, type ReviewRow } from './match-review.service';
import { MatchReviewConnection, MatchReviewEntry, MatchReviewFilter } from './match-review.type';

/** The review queue of an agency's analysts: matches of its items waiting for a decision. */
@Resolver(() => MatchReviewEntry)
export class MatchReviewResolver {
  @Query(() => MatchReviewConnection, {
    description: 'Matches of the caller\'s agency\'s items (ANALYST), SUGGESTED ones unless the filter says otherwise; highest score first, then newest. A match to a record the caller may not read shows as a restricted hit.',
  })
  async matchReview(
    @Arg('filter', () => MatchReviewFilter, { nullable: true, description: 'Which matches; every field given must hold.' }) filter: MatchReviewFilter | null,
    @Args(() => PageArgs) paging: PageArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<ReviewRow>> {
    const page = pageRequest(paging);
    const caller = requireRole(await context.tx.caller(), Role.ANALYST, 'registered');
    const found = await new MatchReviewService(await context.tx.manager(), caller).page(filter, page);
    // Audited as Item.matches is: an answer that shows a restricted hit.
    if (found.rows.some((row) => 'restrictedHit' in row.match)) noteRestrictedHit(context, info);
    return toConnection(found, MatchReviewService.cursorOf);
  }

  @FieldResolver(() => ItemType, { description: 'The caller\'s agency\'s item.' })
  async item(@Root() row: ReviewRow, @Ctx() context: RequestContext): Promise<ItemEntity> {
    return (await context.loaders.item.byId.load(row.itemId))!;
  }

  @FieldResolver(() => ItemMatchType, { description: 'Its match: the other item, or a restricted hit naming who to ask.' })
  match(@Root() row: ReviewRow): ReviewedMatch {
    return row.match;
  }
}
