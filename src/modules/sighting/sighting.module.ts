import { defineModule } from '../registry-module';
import { SIGHTING_ENUMS } from './sighting.enums.graphql';
import { createSightingLoaders } from './sighting.loader';
import { AdvertSightingsResolver, PaymentSightingsResolver, SightingResolver, SupplierSightingsResolver } from './sighting.resolver';

export const sightingModule = defineModule({
  name: 'sighting',
  resolvers: [SightingResolver, SupplierSightingsResolver, PaymentSightingsResolver, AdvertSightingsResolver],
  enums: SIGHTING_ENUMS,
  loaders: createSightingLoaders,
});
