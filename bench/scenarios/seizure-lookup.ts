import { toGlobalId } from '../../src/graphql/relay/global-id';
import { PEER_SEIZURE_FIELDS, peerSeizureRecords, registrySeizureRecords, type PeerRead } from '../peer/peer-read';
import { withAgencyAndItems } from './nested-read';
import { noErrors, type Scenario } from './scenario';
import type { SqlWork } from './sql-session';

const QUERY = `query SeizureLookup($id: ID!) {
  seizure(id: $id) {
    id reference jurisdiction seizedAt handling
    agency { code name }
    items(first: 20) { nodes { id kind make model identifier quantity condition } }
  }
}`;

const PEER_QUERY = `query PeerSeizureLookup($id: UUID!) {
  seizureByRowId(rowId: $id) {
    ${PEER_SEIZURE_FIELDS}
  }
}`;

/** A lookup answers one seizure or null: as a list of records, none or one. */
const list = <T>(one: T | null): T[] => (one ? [one] : []);

const peer: PeerRead<{ id: string }> = {
  graphql: (params) => ({ query: PEER_QUERY, variables: params }),
  succeeded: (body) => noErrors(body) && !body.includes('"seizureByRowId":null'),
  registryRecords: (data) => registrySeizureRecords(list(data.seizure)),
  peerRecords: (data) => peerSeizureRecords(list(data.seizureByRowId)),
};

/** One seizure the caller may read, by its global id, with its agency and first 20 items; `ids` are database ids. */
export function seizureLookup(ids: string[]): Scenario<{ id: string }> {
  return {
    name: 'seizure-lookup',
    title: 'seizure(id) with items and agency',
    params: (n) => ({ id: ids[n % ids.length] }),
    graphql: ({ id }) => ({ query: QUERY, variables: { id: toGlobalId('Seizure', id) } }),
    // A readable seizure answers non-null: null would be a lookup that found nothing.
    succeeded: (body) => noErrors(body) && !body.includes('"seizure":null'),
    baseline: 'seizure-lookup',
    peer,
  };
}

/** The statements the registry sends for SeizureLookup (the seizure by id, its agency, its items), as plain SQL. */
export const seizureLookupSql: SqlWork = async (session, { id }: { id: string }) => {
  const visible = session.readable('s', 2);
  const seizures = await session.query(`SELECT s.* FROM seizure s WHERE ${visible.clause} AND s.id = ANY($1)`, [[id], ...visible.values]);
  return { seizure: (await withAgencyAndItems(session, seizures))[0] ?? null };
};
