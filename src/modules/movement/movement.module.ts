import { requireBusinessReader } from '../../auth/access';
import { defineModule } from '../registry-module';
import { ItemCustodyResolver } from './item-custody.resolver';
import { MovementItemEntity } from './movement-item.entity';
import { MOVEMENT_ENUMS } from './movement.enums.graphql';
import { MovementEntity } from './movement.entity';
import { createMovementLoaders } from './movement.loader';
import { MovementResolver } from './movement.resolver';
import { SupplierMovementsResolver } from './supplier-movements.resolver';

export const movementModule = defineModule({
  name: 'movement',
  entities: [MovementEntity, MovementItemEntity],
  resolvers: [MovementResolver, SupplierMovementsResolver, ItemCustodyResolver],
  enums: MOVEMENT_ENUMS,
  nodeTypes: [{
    name: 'Movement',
    entity: MovementEntity,
    load: async (id, context): Promise<object | null> => {
      requireBusinessReader(await context.tx.caller());
      return context.loaders.movement.byId.load(id);
    },
  }],
  loaders: createMovementLoaders,
});
