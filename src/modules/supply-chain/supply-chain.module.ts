import { defineModule } from '../registry-module';
import { SupplyChainResolver } from './supply-chain.resolver';

export const supplyChainModule = defineModule({
  name: 'supplyChain',
  resolvers: [SupplyChainResolver],
});
