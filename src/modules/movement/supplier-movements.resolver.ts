import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { pageRequest, toPage } from '../../graphql/relay/page';
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
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<MovementEntity>> {
    return this.page(supplier, 'in', first, after, context);
  }

  @FieldResolver(() => MovementConnection, { description: 'Movements this supplier sent, newest first.' })
  movementsOut(
    @Root() supplier: SupplierEntity,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 0 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Cursor to continue after.' }) after: string | null,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<MovementEntity>> {
    return this.page(supplier, 'out', first, after, context);
  }

  private async page(supplier: SupplierEntity, direction: Direction, first: number | null, after: string | null, context: RequestContext) {
    const page = pageRequest(first, after);
    const fetched = await context.loaders.movement.pageOfSupplier(direction, page.first, page.after).load(supplier.id);
    const totalCount = () => context.loaders.movement.countOfSupplier(direction).load(supplier.id);
    return toConnection(toPage(fetched, page.first, totalCount), MovementService.cursorOf);
  }
}
