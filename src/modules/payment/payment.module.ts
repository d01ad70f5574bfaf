import { requireBusinessReader } from '../../auth/access';
import { defineModule } from '../registry-module';
import { PaymentPartyEntity } from './payment-party.entity';
import { PaymentMovementEntity, PaymentSeizureEntity } from './paid-for.entity';
import { PAYMENT_ENUMS } from './payment.enums.graphql';
import { PaymentEntity } from './payment.entity';
import { createPaymentLoaders } from './payment.loader';
import { PaymentResolver } from './payment.resolver';
import { SupplierPaymentsResolver } from './supplier-payments.resolver';

export const paymentModule = defineModule({
  name: 'payment',
  entities: [PaymentEntity, PaymentPartyEntity, PaymentSeizureEntity, PaymentMovementEntity],
  resolvers: [PaymentResolver, SupplierPaymentsResolver],
  enums: PAYMENT_ENUMS,
  nodeTypes: [{
    name: 'Payment',
    entity: PaymentEntity,
    load: async (id, context): Promise<object | null> => {
      requireBusinessReader(await context.tx.caller());
      return context.loaders.payment.byId.load(id);
    },
  }],
  loaders: createPaymentLoaders,
});
