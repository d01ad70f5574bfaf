import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import type { RequestContext } from '../../graphql/context';
import type { SeizureEntity } from '../seizure/seizure.entity';
import { SeizureType } from '../seizure/seizure.type';
import type { RouteLegEntity } from './route-leg.entity';
import { CorridorFilter } from './route.inputs';
import { RouteService } from './route.service';
import { CorridorType, RouteLegType } from './route.type';

/** Routes goods and people took, and the corridors they add up to. */
@Resolver(() => SeizureType)
export class RouteResolver {
  @FieldResolver(() => [RouteLegType], { description: 'The route the goods or people took, as recorded with the seizure, in order.' })
  route(@Root() seizure: SeizureEntity, @Ctx() context: RequestContext): Promise<RouteLegEntity[]> {
    return context.loaders.route.legsOf.load(seizure.id);
  }

  @Query(() => [CorridorType], {
    description: 'Country-to-country flows over the movements and recorded routes the caller may read, busiest first.',
  })
  async corridors(
    @Arg('filter', () => CorridorFilter, { nullable: true, description: 'Time window and item kinds.' }) filter: CorridorFilter | null,
    @Ctx() context: RequestContext,
  ): Promise<CorridorType[]> {
    const caller = requireBusinessReader(await context.tx.caller());
    return new RouteService(await context.tx.manager(), caller).corridors(filter ?? {});
  }
}
