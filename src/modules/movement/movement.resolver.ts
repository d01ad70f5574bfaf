import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireBusinessReader, requireRole } from '../../auth/access';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../graphql/context';
import { recordMet, runMutation } from '../../graphql/mutation';
import { idOfType, optionalIdOfType, toGlobalId } from '../../graphql/relay/global-id';
import type { AgencyEntity } from '../agency/agency.entity';
import { AgencyType } from '../agency/agency.type';
import type { ItemEntity } from '../item/item.entity';
import { ItemType } from '../item/item.type';
import type { SupplierEntity } from '../supplier/supplier.entity';
import { SupplierType } from '../supplier/supplier.type';
import { MovementRecordService } from './movement-record.service';
import { MovementEntity } from './movement.entity';
import { MovementRecordInput } from './movement.inputs';
import { MovementRecordPayload } from './movement.payloads';
import { MovementType } from './movement.type';

@Resolver(() => MovementType)
export class MovementResolver {
  @Query(() => MovementType, { nullable: true, description: 'A movement by id; null when it does not exist or the caller may not read it.' })
  async movement(@Arg('id', () => ID, { description: 'Global id of the movement.' }) id: string, @Ctx() context: RequestContext) {
    requireBusinessReader(await context.tx.caller());
    const movementId = idOfType(id, 'Movement');
    return movementId ? context.loaders.movement.byId.load(movementId) : null;
  }

  @Mutation(() => MovementRecordPayload, { description: 'Records a custody movement between suppliers for the caller\'s agency (OFFICER or ANALYST).' })
  async movementRecord(
    @Arg('input', () => MovementRecordInput, { description: 'The movement.' }) input: MovementRecordInput,
    @Ctx() context: RequestContext,
  ): Promise<MovementRecordPayload> {
    // Officers record custody evidence, analysts provenance work.
    return runMutation(context, { role: [Role.OFFICER, Role.ANALYST], agency: 'registered' }, 'movement', (manager, caller) =>
      new MovementRecordService(manager, caller).record({
        ...input,
        fromSupplierId: optionalIdOfType(input.fromSupplierId, 'Supplier'),
        toSupplierId: optionalIdOfType(input.toSupplierId, 'Supplier'),
        itemIds: (input.itemIds ?? []).map((id) => idOfType(id, 'Item')),
      }),
      // A clientKey already used: the record first made with it (null when unreadable).
      recordMet<MovementEntity>);
  }

  @FieldResolver(() => ID, { description: 'Global, opaque identifier.' })
  id(@Root() movement: MovementEntity): string {
    return toGlobalId('Movement', movement.id);
  }

  @FieldResolver(() => AgencyType, { description: 'The agency that recorded it and owns the record.' })
  async recordedBy(@Root() movement: MovementEntity, @Ctx() context: RequestContext): Promise<AgencyEntity> {
    return (await context.loaders.agency.byId.load(movement.agencyId))!;
  }

  @FieldResolver(() => [AgencyType], { description: 'Other agencies that may read it under TLP_AMBER.' })
  sharedWith(@Root() movement: MovementEntity, @Ctx() context: RequestContext): Promise<AgencyEntity[]> {
    return context.loaders.agency.many(movement.sharedWith);
  }

  @FieldResolver(() => SupplierType, { nullable: true, description: 'The sender; null when unknown or not readable by the caller.' })
  async from(@Root() movement: MovementEntity, @Ctx() context: RequestContext): Promise<SupplierEntity | null> {
    return movement.fromSupplierId ? context.loaders.supplier.byId.load(movement.fromSupplierId) : null;
  }

  @FieldResolver(() => SupplierType, { nullable: true, description: 'The receiver; null when handed to the end buyer (or not readable by the caller).' })
  async to(@Root() movement: MovementEntity, @Ctx() context: RequestContext): Promise<SupplierEntity | null> {
    return movement.toSupplierId ? context.loaders.supplier.byId.load(movement.toSupplierId) : null;
  }

  @FieldResolver(() => [ItemType], { description: 'Seized items this movement is known to have carried (those the caller may read).' })
  items(@Root() movement: MovementEntity, @Ctx() context: RequestContext): Promise<ItemEntity[]> {
    return context.loaders.movement.itemsOf.load(movement.id);
  }
}
