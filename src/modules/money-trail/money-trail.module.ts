import { defineModule } from '../registry-module';
import { MoneyTrailResolver } from './money-trail.resolver';

export const moneyTrailModule = defineModule({
  name: 'moneyTrail',
  resolvers: [MoneyTrailResolver],
});
