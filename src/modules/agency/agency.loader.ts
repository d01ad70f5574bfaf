import DataLoader from 'dataloader';
import type { EntityManager } from 'typeorm';
import type { AgencyEntity } from './agency.entity';
import { AgencyService } from './agency.service';

export interface AgencyLoaders {
  byId: DataLoader<string, AgencyEntity | null>;
}

/** Per-request loaders (never shared across requests). */
export function createAgencyLoaders(manager: () => Promise<EntityManager>): AgencyLoaders {
  return {
    byId: new DataLoader(async (ids) => {
      const found = await new AgencyService(await manager()).byIds(ids);
      const byId = new Map(found.map((a) => [a.id, a]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
