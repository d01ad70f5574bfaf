import { defineModule } from '../registry-module';
import { AgencyEntity } from './agency.entity';
import { createAgencyLoaders } from './agency.loader';
import { AgencyResolver } from './agency.resolver';

export const agencyModule = defineModule({
  name: 'agency',
  entities: [AgencyEntity],
  resolvers: [AgencyResolver],
  // Agencies are public to every caller (their codes, names and countries).
  nodeTypes: [{ name: 'Agency', entity: AgencyEntity, load: (id, context): Promise<object | null> => context.loaders.agency.byId.load(id) }],
  loaders: (tx) => createAgencyLoaders(() => tx.manager()),
});
