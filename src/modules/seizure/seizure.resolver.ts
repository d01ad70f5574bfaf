import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireBusinessReader, requireRole } from '../../auth/access';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../graphql/context';
import { recordMet, runMutation } from '../../graphql/mutation';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { idOfType, toGlobalId } from '../../graphql/relay/global-id';
import { pageRequest } from '../../shared/paging/page';
import { PageArgs } from '../../graphql/relay/page-args';
import type { AgencyEntity } from '../agency/agency.entity';
import { AgencyType } from '../agency/agency.type';
import { ItemConnection } from '../item/item.connection';
import type { ItemEntity } from '../item/item.entity';
import { ItemService } from '../item/item.service';
import { SeizureRecordService } from './seizure-record.service';
import { SeizureUpdateInput } from './seizure-update.inputs';
import { SeizureUpdatePayload } from './seizure-update.payloads';
import { SeizureUpdateService } from './seizure-update.service';
import { SeizureConnection } from './seizure.connection';
import { SeizureEntity } from './seizure.entity';
import { SeizureFilter, SeizureRecordInput } from './seizure.inputs';
import { SeizureRecordPayload } from './seizure.payloads';
import { seizureConnectionPlan, seizurePlan, shareWithLoaders } from './seizure.look-ahead';
import { plannedPartsOf, samePage } from './seizure-read-plan';
import { SeizureService } from './seizure.service';
import { LocationType, SeizureType } from './seizure.type';

@Resolver(() => SeizureType)
export class SeizureResolver {
  @Query(() => SeizureType, { nullable: true, description: 'A seizure by id; null when it does not exist or the caller may not read it.' })
  async seizure(
    @Arg('id', () => ID, { description: 'Global id of the seizure.' }) id: string,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ) {
    const caller = requireBusinessReader(await context.tx.caller());
    const seizureId = idOfType(id, 'Seizure');
    if (!seizureId) return null;
    const plan = context.plannedReads ? seizurePlan(info) : null;
    if (!plan) return context.loaders.seizure.byId.load(seizureId);
    const manager = await context.tx.manager();
    const seizure = await new SeizureService(manager, caller).byIdPlanned(seizureId, plan);
    if (seizure) shareWithLoaders(context, manager, [seizure], plan);
    return seizure;
  }

  @Query(() => SeizureConnection, { description: 'Seizures the caller may read, newest first.' })
  async seizures(
    @Arg('filter', () => SeizureFilter, { nullable: true, description: 'Which seizures; every field given must hold.' }) filter: SeizureFilter | null,
    @Args(() => PageArgs) paging: PageArgs,
    @Ctx() context: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ConnectionShape<SeizureEntity>> {
    const page = pageRequest(paging);
    const caller = requireBusinessReader(await context.tx.caller());
    const manager = await context.tx.manager();
    const service = new SeizureService(manager, caller);
    const plan = context.plannedReads ? seizureConnectionPlan(info) : null;
    const found = plan ? await service.listPlanned(filter, page, plan) : await service.list(filter, page);
    if (plan) shareWithLoaders(context, manager, found.rows, plan);
    return toConnection(found, SeizureService.cursorOf);
  }

  @Mutation(() => SeizureRecordPayload, { description: 'Records a seizure with its items for the caller\'s agency (OFFICER); idempotent on the reference.' })
  async seizureRecord(
    @Arg('input', () => SeizureRecordInput, { description: 'The seizure and its items.' }) input: SeizureRecordInput,
    @Ctx() context: RequestContext,
  ): Promise<SeizureRecordPayload> {
    return runMutation(context, { role: Role.OFFICER, agency: 'registered' }, 'seizure', (manager, caller) =>
      new SeizureRecordService(manager, caller).record(input),
      recordMet<SeizureEntity>);
  }

  @Mutation(() => SeizureUpdatePayload, { description: 'Amends a seizure of the caller\'s own agency (OFFICER), against the version read.' })
  async seizureUpdate(
    @Arg('input', () => SeizureUpdateInput, { description: 'The seizure, the version read, and the fields to change.' }) input: SeizureUpdateInput,
    @Ctx() context: RequestContext,
  ): Promise<SeizureUpdatePayload> {
    return runMutation(context, { role: Role.OFFICER, agency: 'registered' }, 'seizure', (manager, caller) =>
      new SeizureUpdateService(manager, caller).update({ ...input, id: idOfType(input.id, 'Seizure') }),
      recordMet<SeizureEntity>);
  }

  @FieldResolver(() => ID, { description: 'Global, opaque identifier.' })
  id(@Root() seizure: SeizureEntity): string {
    return toGlobalId('Seizure', seizure.id);
  }

  @FieldResolver(() => AgencyType, { description: 'The agency that recorded it and owns it.' })
  async agency(@Root() seizure: SeizureEntity, @Ctx() context: RequestContext): Promise<AgencyEntity> {
    return plannedPartsOf(seizure)?.agency ?? (await context.loaders.agency.byId.load(seizure.agencyId))!;
  }

  @FieldResolver(() => LocationType, { nullable: true, description: 'Where it was seized; null when not recorded.' })
  location(@Root() seizure: SeizureEntity): LocationType | null {
    const { locationDescription: description, latitude, longitude } = seizure;
    return description === null && latitude === null ? null : { description, latitude, longitude };
  }

  @FieldResolver(() => [AgencyType], { description: 'Other agencies that may read it under TLP_AMBER.' })
  async sharedWith(@Root() seizure: SeizureEntity, @Ctx() context: RequestContext): Promise<AgencyEntity[]> {
    return plannedPartsOf(seizure)?.sharedWith ?? context.loaders.agency.many(seizure.sharedWith);
  }

  @FieldResolver(() => ItemConnection, { description: 'The items seized, in the order recorded.' })
  async items(
    @Root() seizure: SeizureEntity,
    @Args(() => PageArgs) paging: PageArgs,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<ItemEntity>> {
    const page = ItemService.seizureItemsPage(pageRequest(paging));
    const planned = plannedPartsOf(seizure)?.items;
    const fromPlan = planned && samePage(planned.page, page) ? planned : undefined;
    const fetched = fromPlan?.rows ?? await context.loaders.item.pageOfSeizure(page).load(seizure.id);
    const count = fromPlan?.count;
    const totalCount = async () => count ?? context.loaders.item.countOfSeizure.load(seizure.id);
    return toConnection(ItemService.seizureItemsPageFrom(fetched, page, totalCount), ItemService.seizureCursorOf);
  }
}
