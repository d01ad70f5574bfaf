import type { GraphQLResolveInfo } from 'graphql';
import type { SelectQueryBuilder } from 'typeorm';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import type { RequestContext } from '../../graphql/context';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { idOfType, toGlobalId } from '../../graphql/relay/global-id';
import { pageRequest } from '../../shared/paging/page';
import { PageArgs } from '../../graphql/relay/page-args';
import { ItemMatchService } from '../matching/item-match.service';
import { readPlannedItems } from '../seizure/seizure-planned-read';
import { plannedMatchesOf, plannedSeizureOf } from '../seizure/seizure-read-plan';
import type { SeizureEntity } from '../seizure/seizure.entity';
import { itemConnectionPlan, shareWithLoaders } from '../seizure/seizure.look-ahead';
import { SeizureType } from '../seizure/seizure.type';
import { ItemConnection } from './item.connection';
import { ItemEntity } from './item.entity';
import { ItemKind } from './item.enums';
import { ItemFilter } from './item.inputs';
import { ItemService } from './item.service';
import { BoatDetailsType, EngineDetailsType, ItemType, LifeJacketDetailsType } from './item.type';

/** The kind-specific facts of an item, or null when it is of another kind or none were recorded. */
function detailsOf<T extends object>(item: ItemEntity, kind: ItemKind, details: T): T | null {
  return item.kind === kind && Object.values(details).some((v) => v !== null) ? details : null;
}

@Resolver(() => ItemType)
export class ItemResolver {
  @Query(() => ItemType, { nullable: true, description: 'An item by id; null when it does not exist or the caller may not read it.' })
  async item(@Arg('id', () => ID, { description: 'Global id of the item.' }) id: string, @Ctx() context: RequestContext) {
    const itemId = idOfType(id, 'Item');
    requireBusinessReader(await context.tx.caller());
    return itemId ? context.loaders.item.byId.load(itemId) : null;
  }

  @Query(() => ItemConnection, { description: 'Items the caller may read, most recently recorded first.' })
  async items(
    @Arg('filter', () => ItemFilter, { nullable: true, description: 'Which items; every field given must hold.' }) filter: ItemFilter | null,
    @Args(() => PageArgs) paging: PageArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<ItemEntity>> {
    const page = pageRequest(paging);
    const caller = requireBusinessReader(await context.tx.caller());
    const manager = await context.tx.manager();
    const plan = context.plannedReads ? itemConnectionPlan(info) : null;
    const planned = plan ? (query: SelectQueryBuilder<ItemEntity>) => readPlannedItems(query, plan, new ItemMatchService(manager, caller)) : undefined;
    const found = await new ItemService(manager, caller).list(filter, page, planned);
    if (plan?.seizure) shareWithLoaders(context, manager, found.rows.map(plannedSeizureOf).filter((s): s is SeizureEntity => s !== undefined), plan.seizure);
    // The matches resolver reads the request's matching loaders: the planned matches stand in them.
    for (const item of plan?.matches ? found.rows : []) {
      const matches = plannedMatchesOf(item);
      if (matches) context.loaders.matching.ofItem.prime(item.id, matches);
    }
    return toConnection(found, ItemService.cursorOf);
  }

  @FieldResolver(() => ID, { description: 'Global, opaque identifier.' })
  id(@Root() item: ItemEntity): string {
    return toGlobalId('Item', item.id);
  }

  @FieldResolver(() => SeizureType, { description: 'The seizure it belongs to.' })
  async seizure(@Root() item: ItemEntity, @Ctx() context: RequestContext): Promise<SeizureEntity> {
    return plannedSeizureOf(item) ?? (await context.loaders.seizure.byId.load(item.seizureId))!;
  }

  @FieldResolver(() => String, { nullable: true, description: 'Normalised form of hin, else serialNumber, else batchNumber: upper case, separators removed.' })
  identifier(@Root() item: ItemEntity): string | null {
    return item.hinKey ?? item.serialKey ?? item.batchKey;
  }

  @FieldResolver(() => BoatDetailsType, { nullable: true, description: 'Facts of a boat or hull; null for other kinds.' })
  boat(@Root() item: ItemEntity): BoatDetailsType | null {
    return detailsOf(item, ItemKind.BOAT, item.boat);
  }

  @FieldResolver(() => EngineDetailsType, { nullable: true, description: 'Facts of an engine; null for other kinds.' })
  engine(@Root() item: ItemEntity): EngineDetailsType | null {
    return detailsOf(item, ItemKind.ENGINE, item.engine);
  }

  @FieldResolver(() => LifeJacketDetailsType, { nullable: true, description: 'Facts of life jackets; null for other kinds.' })
  lifeJacket(@Root() item: ItemEntity): LifeJacketDetailsType | null {
    return detailsOf(item, ItemKind.LIFE_JACKET, item.lifeJacket);
  }
}
