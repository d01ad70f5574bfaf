import { requireBusinessReader } from '../../auth/access';
import { defineModule } from '../registry-module';
import { SupplierCandidatesResolver } from './supplier-candidates.resolver';
import { SupplierIdentifierEntity } from './supplier-identifier.entity';
import { SupplierMergeEntity } from './supplier-merge.entity';
import { SupplierMergeResolver } from './supplier-merge.resolver';
import { SUPPLIER_ENUMS } from './supplier.enums.graphql';
import { SupplierEntity } from './supplier.entity';
import { createSupplierLoaders } from './supplier.loader';
import { SupplierResolver } from './supplier.resolver';

export const supplierModule = defineModule({
  name: 'supplier',
  entities: [SupplierEntity, SupplierIdentifierEntity, SupplierMergeEntity],
  resolvers: [SupplierResolver, SupplierCandidatesResolver, SupplierMergeResolver],
  enums: SUPPLIER_ENUMS,
  nodeTypes: [{
    name: 'Supplier',
    entity: SupplierEntity,
    load: async (id, context): Promise<object | null> => {
      requireBusinessReader(await context.tx.caller());
      return context.loaders.supplier.byId.load(id);
    },
  }],
  loaders: createSupplierLoaders,
});
