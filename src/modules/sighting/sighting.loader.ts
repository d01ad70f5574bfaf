import DataLoader from 'dataloader';
import type { RequestTransaction } from '../../db/request-transaction';
import { groupBy } from '../../shared/loader-results';
import { SightedKind } from './sighting.enums';
import { SightingService, type SightingView } from './sighting.service';

export interface SightingLoaders {
  /** The sightings of a readable supplier, as the caller may see them. */
  ofSupplier: DataLoader<string, SightingView[]>;
  /** The sightings of a readable payment (its reference), as the caller may see them. */
  ofPayment: DataLoader<string, SightingView[]>;
  /** The sightings of a readable advert (its account, contacts, URL, file and text), as the caller may see them. */
  ofAdvert: DataLoader<string, SightingView[]>;
}

/** Per-request loaders (never shared across requests: they carry the caller's rights). */
export function createSightingLoaders(tx: RequestTransaction): SightingLoaders {
  const of = (kind: SightedKind) =>
    new DataLoader<string, SightingView[]>(async (ids) => {
      const sightings = await new SightingService(await tx.manager(), await tx.caller()).of(kind, ids);
      return groupBy(ids, sightings.map((s) => [s.recordId, s] as const));
    });
  return { ofSupplier: of(SightedKind.SUPPLIER), ofPayment: of(SightedKind.PAYMENT), ofAdvert: of(SightedKind.ADVERT) };
}
