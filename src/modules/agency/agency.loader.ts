import DataLoader from 'dataloader';
import { inKeyOrder, isLoaded } from '../../shared/loader-results';
import type { EntityManager } from 'typeorm';
import type { AgencyEntity } from './agency.entity';
import { AgencyService } from './agency.service';

export interface AgencyLoaders {
  byId: DataLoader<string, AgencyEntity | null>;
  /** The registered agencies among these ids (a record's `sharedWith`), in order. */
  many(ids: readonly string[]): Promise<AgencyEntity[]>;
}

/** Per-request loaders (never shared across requests). */
export function createAgencyLoaders(manager: () => Promise<EntityManager>): AgencyLoaders {
  const byId = new DataLoader<string, AgencyEntity | null>(async (ids) =>
    inKeyOrder(ids, await new AgencyService(await manager()).byIds(ids), (a) => a.id),
  );
  return {
    byId,
    many: async (ids) => (await byId.loadMany(ids)).filter(isLoaded),
  };
}
