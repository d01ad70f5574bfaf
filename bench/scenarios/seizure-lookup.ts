import { toGlobalId } from '../../src/graphql/relay/global-id';
import { PEER_SEIZURE_FIELDS, peerSeizureRecords, registrySeizureRecords, type PeerRead } from '../peer/peer-read';
import { answerOf, PLANNED_SELECT } from './nested-read';
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

/** The statement the registry sends for SeizureLookup (its planned read of one seizure), as plain SQL. */
export const seizureLookupSql: SqlWork = async (session, { id }: { id: string }) => {
  const visible = session.readable('s', 3);
  const rows = await session.query(`${PLANNED_SELECT} FROM seizure s WHERE ${visible.clause} AND s.id = $1`, [id, 21, ...visible.values]);
  return { seizure: rows.map(answerOf)[0] ?? null };
};
