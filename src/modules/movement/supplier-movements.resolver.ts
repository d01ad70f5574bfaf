import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { pageRequest } from '../../shared/paging/page';
import { PageArgs } from '../../graphql/relay/page-args';
import type { SupplierEntity } from '../supplier/supplier.entity';
import { SupplierType } from '../supplier/supplier.type';
import { MovementConnection } from './movement.connection';
import type { MovementEntity } from './movement.entity';
import { MovementService, type Direction } from './movement.service';

/** A supplier's movements, in and out: the custody links the supply-chain walks follow. */
@Resolver(() => SupplierType)
export class SupplierMovementsResolver {
  @FieldResolver(() => MovementConnection, { description: 'Movements this supplier received, newest first.' })
  movementsIn(
    @Root() supplier: SupplierEntity,
    @Args(() => PageArgs) paging: PageArgs,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<MovementEntity>> {
    return this.page(supplier, 'in', paging, context);
  }

  @FieldResolver(() => MovementConnection, { description: 'Movements this supplier sent, newest first.' })
  movementsOut(
    @Root() supplier: SupplierEntity,
    @Args(() => PageArgs) paging: PageArgs,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<MovementEntity>> {
    return this.page(supplier, 'out', paging, context);
  }

  private async page(supplier: SupplierEntity, direction: Direction, paging: PageArgs, context: RequestContext) {
    const page = MovementService.suppliersPage(pageRequest(paging));
    const fetched = await context.loaders.movement.pageOfSupplier(direction, page).load(supplier.id);
    const totalCount = () => context.loaders.movement.countOfSupplier(direction).load(supplier.id);
    return toConnection(MovementService.supplierPageFrom(fetched, page, totalCount), MovementService.cursorOf);
  }
}
