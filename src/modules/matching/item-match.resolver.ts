import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Mutation, Resolver, Root } from 'type-graphql';
import { Role } from '../../auth/roles';
import { noteRestrictedHit, type RequestContext } from '../../graphql/context';
import { runMutation } from '../../graphql/mutation';
import { idOfType } from '../../graphql/relay/global-id';
import type { AgencyEntity } from '../agency/agency.entity';
import { AgencyType } from '../agency/agency.type';
import type { ItemEntity } from '../item/item.entity';
import { ItemType } from '../item/item.type';
import { RestrictedHitType } from '../supply-chain/supply-chain.type';
import { ItemMatchDecisionService } from './item-match-decision.service';
import { ItemLinkInput, ItemMatchDecideInput } from './item-match.inputs';
import { ItemLinkPayload, ItemMatchDecidePayload } from './item-match.payloads';
import { matchesAsSeen, type MatchView } from './item-match.service';
import { ItemMatchType } from './item-match.type';

/** The pair of an input with its items' database ids. */
const withItemIds = <T extends { itemId: string; otherItemId: string }>(input: T) =>
  ({ ...input, itemId: idOfType(input.itemId, 'Item'), otherItemId: idOfType(input.otherItemId, 'Item') });

/** Matches between items: the other item of a match, and analysts' decisions and links. */
@Resolver(() => ItemMatchType)
export class ItemMatchResolver {
  @Mutation(() => ItemMatchDecidePayload, { description: 'Confirms or rejects a match (ANALYST who can read both items); can be changed later.' })
  async itemMatchDecide(
    @Arg('input', () => ItemMatchDecideInput, { description: 'The pair and the decision.' }) input: ItemMatchDecideInput,
    @Ctx() context: RequestContext,
  ): Promise<ItemMatchDecidePayload> {
    return runMutation(context, { role: Role.ANALYST, agency: 'registered' }, 'match', (manager, caller) =>
      new ItemMatchDecisionService(manager, caller).decide(withItemIds(input)));
  }

  @Mutation(() => ItemLinkPayload, { description: 'Links two items an analyst believes are the same (ANALYST who can read both); confirmed at once.' })
  async itemLink(
    @Arg('input', () => ItemLinkInput, { description: 'The pair and why.' }) input: ItemLinkInput,
    @Ctx() context: RequestContext,
  ): Promise<ItemLinkPayload> {
    return runMutation(context, { role: Role.ANALYST, agency: 'registered' }, 'match', (manager, caller) =>
      new ItemMatchDecisionService(manager, caller).link(withItemIds(input)));
  }

  @FieldResolver(() => ItemType, { nullable: true, description: 'The other item; null when the caller may not read it.' })
  async item(@Root() match: MatchView, @Ctx() context: RequestContext): Promise<ItemEntity | null> {
    return 'restrictedHit' in match ? null : context.loaders.item.byId.load(match.otherItemId);
  }

  @FieldResolver(() => RestrictedHitType, { nullable: true, description: 'Set exactly when item is null: who to ask.' })
  async restricted(@Root() match: MatchView, @Ctx() context: RequestContext): Promise<RestrictedHitType | null> {
    if (!('restrictedHit' in match)) return null;
    const agency = (await context.loaders.agency.byId.load(match.restrictedHit.agencyId))!;
    return { agency, jurisdiction: agency.jurisdiction, handling: match.restrictedHit.handling };
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: 'The agency of who decided or linked.' })
  async decidedByAgency(@Root() match: MatchView, @Ctx() context: RequestContext): Promise<AgencyEntity | null> {
    return match.decidedByAgencyId ? context.loaders.agency.byId.load(match.decidedByAgencyId) : null;
  }
}

/** An item's matches. */
@Resolver(() => ItemType)
export class ItemMatchesResolver {
  @FieldResolver(() => [ItemMatchType], {
    description: 'The same item or batch recorded elsewhere, best first; one the caller may not read shows as a restricted hit (none for TLP_RED).',
  })
  async matches(@Root() item: ItemEntity, @Ctx() context: RequestContext, @Info() info: GraphQLResolveInfo): Promise<MatchView[]> {
    const [readable, hits] = await Promise.all([context.loaders.matching.ofItem.load(item.id), context.loaders.matching.hitsOf.load(item.id)]);
    if (hits.length > 0) noteRestrictedHit(context, info);
    return matchesAsSeen(readable, hits);
  }
}
