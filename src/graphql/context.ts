import type { DataSource } from 'typeorm';
import type { TokenClaims } from '../auth/caller';
import { RequestTransaction } from '../db/request-transaction';
import { createAgencyLoaders, type AgencyLoaders } from '../modules/agency/agency.loader';
import { createItemLoaders, type ItemLoaders } from '../modules/item/item.loader';
import { createMatchingLoaders, type MatchingLoaders } from '../modules/matching/item-match.loader';
import { createMovementLoaders, type MovementLoaders } from '../modules/movement/movement.loader';
import { createRouteLoaders, type RouteLoaders } from '../modules/route/route.loader';
import { createSeizureLoaders, type SeizureLoaders } from '../modules/seizure/seizure.loader';
import { createSupplierLoaders, type SupplierLoaders } from '../modules/supplier/supplier.loader';

export interface Loaders {
  agency: AgencyLoaders;
  seizure: SeizureLoaders;
  item: ItemLoaders;
  supplier: SupplierLoaders;
  movement: MovementLoaders;
  route: RouteLoaders;
  matching: MatchingLoaders;
}

/** What the audit trail records of a request besides the operation itself. */
export interface AuditFacts {
  clientAddress: string | null;
  /** Why the caller says they need this (the `X-Justification` header). */
  justification: string | null;
  /** Global ids of the records the request's mutations created or changed. */
  entityIds: string[];
}

/** Everything a resolver may use for one request: fresh per request, never shared. */
export interface RequestContext {
  requestId: string;
  claims: TokenClaims;
  tx: RequestTransaction;
  loaders: Loaders;
  audit: AuditFacts;
}

export function createRequestContext(
  dataSource: DataSource,
  claims: TokenClaims,
  requestId: string,
  audit: Omit<AuditFacts, 'entityIds'> = { clientAddress: null, justification: null },
): RequestContext {
  const tx = new RequestTransaction(dataSource, claims);
  return {
    requestId,
    claims,
    tx,
    audit: { ...audit, entityIds: [] },
    loaders: {
      agency: createAgencyLoaders(() => tx.manager()),
      seizure: createSeizureLoaders(tx),
      item: createItemLoaders(tx),
      supplier: createSupplierLoaders(tx),
      movement: createMovementLoaders(tx),
      route: createRouteLoaders(tx),
      matching: createMatchingLoaders(tx),
    },
  };
}
