import { requireBusinessReader } from '../../auth/access';
import { defineModule } from '../registry-module';
import { ITEM_ENUMS } from './item.enums.graphql';
import { ItemEntity } from './item.entity';
import { createItemLoaders } from './item.loader';
import { ItemResolver } from './item.resolver';

export const itemModule = defineModule({
  name: 'item',
  entities: [ItemEntity],
  resolvers: [ItemResolver],
  enums: ITEM_ENUMS,
  nodeTypes: [{
    name: 'Item',
    entity: ItemEntity,
    load: async (id, context): Promise<object | null> => {
      requireBusinessReader(await context.tx.caller());
      return context.loaders.item.byId.load(id);
    },
  }],
  loaders: createItemLoaders,
});
