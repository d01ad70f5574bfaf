import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../graphql/context';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { PageArgs } from '../../graphql/relay/page-args';
import { pageRequest } from '../../shared/paging/page';
import type { SupplierEntity } from '../supplier/supplier.entity';
import { SupplierType } from '../supplier/supplier.type';
import { PaymentConnection } from './payment.connection';
import type { PaymentEntity } from './payment.entity';
import { PaymentService, type PartySide } from './payment.service';

/** A supplier's payments, made and received: the hops the money trail follows. */
@Resolver(() => SupplierType)
export class SupplierPaymentsResolver {
  @FieldResolver(() => PaymentConnection, { description: 'Payments this supplier made (as payer), newest recorded first.' })
  paymentsMade(@Root() supplier: SupplierEntity, @Args(() => PageArgs) paging: PageArgs, @Ctx() context: RequestContext): Promise<ConnectionShape<PaymentEntity>> {
    return this.page(supplier, 'made', paging, context);
  }

  @FieldResolver(() => PaymentConnection, { description: 'Payments this supplier received, as payee or as a broker, newest recorded first.' })
  paymentsReceived(@Root() supplier: SupplierEntity, @Args(() => PageArgs) paging: PageArgs, @Ctx() context: RequestContext): Promise<ConnectionShape<PaymentEntity>> {
    return this.page(supplier, 'received', paging, context);
  }

  private async page(supplier: SupplierEntity, side: PartySide, paging: PageArgs, context: RequestContext) {
    const page = PaymentService.suppliersPage(pageRequest(paging));
    const fetched = await context.loaders.payment.pageOfSupplier(side, page).load(supplier.id);
    const totalCount = () => context.loaders.payment.countOfSupplier(side).load(supplier.id);
    return toConnection(PaymentService.supplierPageFrom(fetched, page, totalCount), PaymentService.cursorOf);
  }
}
