import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import { groupBy } from '../../shared/loader-results';
import type { RouteLegEntity } from './route-leg.entity';
import { RouteService } from './route.service';

export interface RouteLoaders {
  /** The recorded route of a readable seizure, in order. */
  legsOf: DataLoader<string, RouteLegEntity[]>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createRouteLoaders(tx: RequestTransaction): RouteLoaders {
  return {
    legsOf: new DataLoader(async (seizureIds) => {
      const legs = await new RouteService(await tx.manager(), await tx.caller()).legsOf(seizureIds);
      return groupBy(seizureIds, legs.map((leg) => [leg.seizureId, leg] as const));
    }),
  };
}
