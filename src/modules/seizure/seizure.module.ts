import { requireBusinessReader } from '../../auth/access';
import { defineModule } from '../registry-module';
import { SeizureEntity } from './seizure.entity';
import { createSeizureLoaders } from './seizure.loader';
import { SeizureResolver } from './seizure.resolver';

export const seizureModule = defineModule({
  name: 'seizure',
  entities: [SeizureEntity],
  resolvers: [SeizureResolver],
  nodeTypes: [{
    name: 'Seizure',
    entity: SeizureEntity,
    load: async (id, context): Promise<object | null> => {
      requireBusinessReader(await context.tx.caller());
      return context.loaders.seizure.byId.load(id);
    },
  }],
  loaders: createSeizureLoaders,
});
