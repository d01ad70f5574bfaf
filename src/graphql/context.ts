import type { GraphQLResolveInfo } from 'graphql';
import type { DataSource } from 'typeorm';
import type { TokenClaims } from '../auth/caller';
import { RequestTransaction } from '../db/request-transaction';
import type { RegistryLoaders } from '../modules';
import type { ChangeKind } from '../modules/change-feed/change-feed.enums';
import type { FeedMember } from '../modules/change-feed/feed-groups';
import type { RegistryModule } from '../modules/registry-module';
import type { NodeTypes } from './relay/node-types';

/** Every module's loaders for one request, keyed by module name. */
export type Loaders = RegistryLoaders;

/** What every request's context is built from: the registry's modules, and the Node types they declare. */
export interface RequestContextParts {
  modules: readonly RegistryModule[];
  nodes: NodeTypes;
  /** Root fields plan one statement from their selection (off: every field loads its own, the reference behaviour). */
  plannedReads: boolean;
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

/**
 * Over WebSocket only: how a subscription follows the change feed, with the other subscriptions
 * of the same caller in this process; each round of events is read and resolved in a
 * transaction bound to that caller, as a request is.
 */
export interface LiveFeed {
  join(kinds: readonly ChangeKind[]): FeedMember;
}

/** Everything a resolver may use for one request: fresh per request, never shared. */
export interface RequestContext {
  requestId: string;
  claims: TokenClaims;
  tx: RequestTransaction;
  loaders: Loaders;
  nodes: NodeTypes;
  plannedReads: boolean;
  audit: AuditFacts;
  live?: LiveFeed;
}

export function createRequestContext(
  dataSource: DataSource,
  claims: TokenClaims,
  requestId: string,
  parts: RequestContextParts,
  audit: Pick<AuditFacts, 'clientAddress' | 'justification'> = { clientAddress: null, justification: null },
): RequestContext {
  const tx = new RequestTransaction(dataSource, claims);
  const loaders = Object.fromEntries(parts.modules.flatMap((module) => (module.loaders ? [[module.name, module.loaders(tx)]] : [])));
  return {
    requestId,
    claims,
    tx,
    nodes: parts.nodes,
    plannedReads: parts.plannedReads,
    audit: { ...audit, entityIds: [], restrictedHitsIn: new Set() },
    loaders: loaders as Loaders,
  };
}

/** Notes that the answer of the root field `info` belongs to shows a restricted hit, so it is audited. */
export function noteRestrictedHit(context: RequestContext, info: GraphQLResolveInfo): void {
  let path = info.path;
  while (path.prev) path = path.prev;
  context.audit.restrictedHitsIn.add(String(path.key));
}
