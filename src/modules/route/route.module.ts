import { defineModule } from '../registry-module';
import { RouteLegEntity } from './route-leg.entity';
import { createRouteLoaders } from './route.loader';
import { RouteResolver } from './route.resolver';

export const routeModule = defineModule({
  name: 'route',
  entities: [RouteLegEntity],
  resolvers: [RouteResolver],
  loaders: createRouteLoaders,
});
