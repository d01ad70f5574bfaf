import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireRole } from '../../auth/access';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../graphql/context';
import { toPayload } from '../../graphql/errors/payload';
import type { AgencyEntity } from '../agency/agency.entity';
import { AgencyType } from '../agency/agency.type';
import type { ItemEntity } from '../item/item.entity';
import { ItemType } from '../item/item.type';
import { RestrictedHitType } from '../supply-chain/supply-chain.type';
import { ItemMatchDecisionService } from './item-match-decision.service';
import { ItemLinkInput, ItemMatchDecideInput } from './item-match.inputs';
import { ItemLinkPayload, ItemMatchDecidePayload } from './item-match.payloads';
import type { MatchFromItem } from './item-match.service';
import { ItemMatchType } from './item-match.type';

/** Matches between items: the other item of a match, and analysts' decisions and links. */
@Resolver(() => ItemMatchType)
export class ItemMatchResolver {
  @Mutation(() => ItemMatchDecidePayload, { description: 'Confirms or rejects a match (ANALYST who can read both items); can be changed later.' })
  async itemMatchDecide(
    @Arg('input', () => ItemMatchDecideInput, { description: 'The pair and the decision.' }) input: ItemMatchDecideInput,
    @Ctx() context: RequestContext,
  ): Promise<ItemMatchDecidePayload> {
    const caller = requireRole(await context.tx.caller(), Role.ANALYST, 'registered');
    return toPayload<ItemMatchDecidePayload>(
      async () => ({ match: await context.tx.write((manager) => new ItemMatchDecisionService(manager, caller).decide(input)) }),
      () => ({ match: null }),
    );
  }

  @Mutation(() => ItemLinkPayload, { description: 'Links two items an analyst believes are the same (ANALYST who can read both); confirmed at once.' })
  async itemLink(
    @Arg('input', () => ItemLinkInput, { description: 'The pair and why.' }) input: ItemLinkInput,
    @Ctx() context: RequestContext,
  ): Promise<ItemLinkPayload> {
    const caller = requireRole(await context.tx.caller(), Role.ANALYST, 'registered');
    return toPayload<ItemLinkPayload>(
      async () => ({ match: await context.tx.write((manager) => new ItemMatchDecisionService(manager, caller).link(input)) }),
      () => ({ match: null }),
    );
  }

  @FieldResolver(() => ItemType, { nullable: true, description: 'The other item; null when the caller may not read it.' })
  item(@Root() match: MatchFromItem, @Ctx() context: RequestContext): Promise<ItemEntity | null> {
    return context.loaders.item.byId.load(match.otherItemId);
  }

  @FieldResolver(() => RestrictedHitType, { nullable: true, description: 'Set exactly when item is null: who to ask.' })
  restricted(): null {
    return null; // matches to unreadable items are left out until hit/no-hit is built
  }

  @FieldResolver(() => AgencyType, { nullable: true, description: 'The agency of who decided or linked.' })
  async decidedByAgency(@Root() match: MatchFromItem, @Ctx() context: RequestContext): Promise<AgencyEntity | null> {
    return match.decidedByAgencyId ? context.loaders.agency.byId.load(match.decidedByAgencyId) : null;
  }
}

/** An item's matches. */
@Resolver(() => ItemType)
export class ItemMatchesResolver {
  @FieldResolver(() => [ItemMatchType], { description: 'The same item or batch recorded elsewhere (those the caller can read), best first.' })
  matches(@Root() item: ItemEntity, @Ctx() context: RequestContext): Promise<MatchFromItem[]> {
    return context.loaders.matching.ofItem.load(item.id);
  }
}
