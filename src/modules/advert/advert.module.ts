import { requireBusinessReader } from '../../auth/access';
import { defineModule } from '../registry-module';
import { AdvertIdentifierEntity, AdvertOfferEntity, AdvertSeizureEntity } from './advert-parts.entity';
import { ADVERT_ENUMS } from './advert.enums.graphql';
import { AdvertEntity } from './advert.entity';
import { createAdvertLoaders } from './advert.loader';
import { AdvertOfferResolver, AdvertResolver } from './advert.resolver';
import { SupplierAdvertsResolver } from './supplier-adverts.resolver';

export const advertModule = defineModule({
  name: 'advert',
  entities: [AdvertEntity, AdvertIdentifierEntity, AdvertOfferEntity, AdvertSeizureEntity],
  resolvers: [AdvertResolver, AdvertOfferResolver, SupplierAdvertsResolver],
  enums: ADVERT_ENUMS,
  nodeTypes: [{
    name: 'Advert',
    entity: AdvertEntity,
    load: async (id, context): Promise<object | null> => {
      requireBusinessReader(await context.tx.caller());
      return context.loaders.advert.byId.load(id);
    },
  }],
  loaders: createAdvertLoaders,
});
