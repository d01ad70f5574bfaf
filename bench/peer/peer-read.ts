import { fromGlobalId } from '../../src/graphql/relay/global-id';
import type { GraphQLRequest } from '../scenarios/scenario';

/** The records an answer holds: its seizures in order, each with its items' ids in order (database ids). */
export type RecordsHeld = Array<{ seizure: string; items: string[] }>;

/**
 * A scenario's read as the peer (PostGraphile over the same database) asks it, and the records
 * each side's answer holds, so the bench can check both hold the same before timing them.
 */
export interface PeerRead<P> {
  graphql(params: P): GraphQLRequest;
  /** Whether a peer answer is a success. */
  succeeded(body: string): boolean;
  registryRecords(data: any): RecordsHeld;
  peerRecords(data: any): RecordsHeld;
}

interface RegistrySeizure { id: string; items: { nodes: Array<{ id: string }> } }
interface PeerSeizure { rowId: string; itemsBySeizureId: { nodes: Array<{ rowId: string }> } }

const databaseId = (globalId: string) => fromGlobalId(globalId)?.id ?? `(not a global id: ${globalId})`;

export const registrySeizureRecords = (seizures: RegistrySeizure[]): RecordsHeld =>
  seizures.map((s) => ({ seizure: databaseId(s.id), items: s.items.nodes.map((i) => databaseId(i.id)) }));

export const peerSeizureRecords = (seizures: PeerSeizure[]): RecordsHeld =>
  seizures.map((s) => ({ seizure: s.rowId, items: s.itemsBySeizureId.nodes.map((i) => i.rowId) }));

/** The fields the registry's scenarios select, in PostGraphile's names (its `identifier` is the first of the three keys). */
export const PEER_SEIZURE_FIELDS = `rowId reference jurisdiction seizedAt handling
      agencyByAgencyId { code name }
      itemsBySeizureId(first: 20, orderBy: [POSITION_ASC]) { nodes { rowId kind make model hinKey serialKey batchKey quantity condition } }`;
