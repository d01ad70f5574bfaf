import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import { inKeyOrder } from '../../shared/loader-results';
import type { SeizureEntity } from './seizure.entity';
import { SeizureService } from './seizure.service';

export interface SeizureLoaders {
  /** A readable seizure by database id, or null. */
  byId: DataLoader<string, SeizureEntity | null>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createSeizureLoaders(tx: RequestTransaction): SeizureLoaders {
  return {
    byId: new DataLoader(async (ids) =>
      inKeyOrder(ids, await new SeizureService(await tx.manager(), await tx.caller()).byIds(ids), (s) => s.id),
    ),
  };
}
