import type { GraphQLResolveInfo } from 'graphql';
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
  /** Response keys of the root fields whose answer holds a restricted hit (each is audited). */
  restrictedHitsIn: Set<string>;
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
  audit: Pick<AuditFacts, 'clientAddress' | 'justification'> = { clientAddress: null, justification: null },
): RequestContext {
  const tx = new RequestTransaction(dataSource, claims);
  return {
    requestId,
    claims,
    tx,
    audit: { ...audit, entityIds: [], restrictedHitsIn: new Set() },
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

/** Notes that the answer of the root field `info` belongs to shows a restricted hit, so it is audited. */
export function noteRestrictedHit(context: RequestContext, info: GraphQLResolveInfo): void {
  let path = info.path;
  while (path.prev) path = path.prev;
  context.audit.restrictedHitsIn.add(String(path.key));
}
