import { defineModule } from '../registry-module';
import { ViewerResolver } from './viewer.resolver';

export const viewerModule = defineModule({
  name: 'viewer',
  resolvers: [ViewerResolver],
});
