import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { PageArgs } from '../../graphql/relay/page-args';
import { pageRequest } from '../../shared/paging/page';
import type { SupplierEntity } from '../supplier/supplier.entity';
import { SupplierType } from '../supplier/supplier.type';
import { AdvertConnection } from './advert.connection';
import type { AdvertEntity } from './advert.entity';
import { AdvertService } from './advert.service';

/** The adverts a supplier is behind. */
@Resolver(() => SupplierType)
export class SupplierAdvertsResolver {
  @FieldResolver(() => AdvertConnection, { description: 'Adverts this supplier is known to be behind (as advertiser), newest recorded first.' })
  async adverts(@Root() supplier: SupplierEntity, @Args(() => PageArgs) paging: PageArgs, @Ctx() context: RequestContext): Promise<ConnectionShape<AdvertEntity>> {
    const page = AdvertService.suppliersPage(pageRequest(paging));
    const fetched = await context.loaders.advert.pageOfSupplier(page).load(supplier.id);
    const totalCount = () => context.loaders.advert.countOfSupplier.load(supplier.id);
    return toConnection(AdvertService.supplierPageFrom(fetched, page, totalCount), AdvertService.cursorOf);
  }
}
