import { PEER_SEIZURE_FIELDS, peerSeizureRecords, registrySeizureRecords, type PeerRead } from '../peer/peer-read';
import type { Scenario } from './scenario';
import { noErrors } from './scenario';
import type { SqlWork } from './sql-session';

const QUERY = `query NestedRead($first: Int!) {
  seizures(first: $first) {
    pageInfo { hasNextPage endCursor }
    nodes {
      id reference jurisdiction seizedAt handling
      agency { code name }
      items(first: 20) { nodes { id kind make model identifier quantity condition } }
    }
  }
}`;

// The same page from PostGraphile: newest first by seized_at then id, items by position.
const PEER_QUERY = `query PeerNestedRead($first: Int!) {
  allSeizures(first: $first, orderBy: [SEIZED_AT_DESC, ROW_ID_DESC]) {
    pageInfo { hasNextPage endCursor }
    nodes {
      ${PEER_SEIZURE_FIELDS}
    }
  }
}`;

const peer: PeerRead<{ first: number }> = {
  graphql: (params) => ({ query: PEER_QUERY, variables: params }),
  succeeded: noErrors,
  registryRecords: (data) => registrySeizureRecords(data.seizures.nodes),
  peerRecords: (data) => peerSeizureRecords(data.allSeizures.nodes),
};

/** The newest page of seizures the caller may read, each with its agency and first 20 items. */
export function nestedRead(first: number): Scenario<{ first: number }> {
  return {
    name: `nested-read-${first}`,
    title: `seizures(first: ${first}) with items and agency`,
    params: () => ({ first }),
    graphql: (params) => ({ query: QUERY, variables: params }),
    succeeded: noErrors,
    baseline: 'nested-read',
    peer,
  };
}

/** The statement the registry sends for NestedRead (its planned read: the page with agencies and items as JSON), as plain SQL. */
export const nestedReadSql: SqlWork = async (session, { first }: { first: number }) => {
  const visible = session.readable('s', 3);
  const rows = await session.query(
    `${PLANNED_SELECT} FROM seizure s WHERE ${visible.clause} ORDER BY s.seized_at DESC, s.id DESC LIMIT $1`,
    [first + 1, 21, ...visible.values],
  );
  return { hasNextPage: rows.length > first, nodes: rows.slice(0, first).map(answerOf) };
};

/**
 * The select list of the registry's planned read for these scenarios' fields (`$2`: items to
 * fetch per seizure): the seizure's columns they need, its agency, and its first items as JSON.
 */
export const PLANNED_SELECT = `SELECT
    json_build_object('id', s.id, 'agencyId', s.agency_id, 'reference', s.reference, 'jurisdiction', s.jurisdiction,
                      'seizedAt', s.seized_at, 'handling', s.handling) AS seizure,
    (SELECT json_build_object('id', a.id, 'code', a.code, 'name', a.name, 'jurisdiction', a.jurisdiction, 'createdAt', a.created_at)
       FROM agency a WHERE a.id = s.agency_id) AS agency,
    (SELECT coalesce(json_agg(x ORDER BY x.position ASC), '[]'::json)
       FROM (SELECT y.id AS "id", y.seizure_id AS "seizureId", y.agency_id AS "agencyId", y.position AS "position", y.kind AS "kind",
                    y.make AS "make", y.model AS "model", y.hin_key AS "hinKey", y.serial_key AS "serialKey", y.batch_key AS "batchKey",
                    y.quantity AS "quantity", y.condition AS "condition"
               FROM item y WHERE y.seizure_id = s.id ORDER BY y.position ASC LIMIT CAST($2 AS int)) x) AS items`;

/** A planned row as the scenarios' answer: the seizure, its agency's code and name, its first 20 items. */
export function answerOf(row: any): unknown {
  const { seizure, agency, items } = row;
  return {
    id: seizure.id, reference: seizure.reference, jurisdiction: seizure.jurisdiction, seizedAt: seizure.seizedAt, handling: seizure.handling,
    agency: { code: agency.code, name: agency.name },
    items: items.slice(0, 20).map((item: any) => ({
      id: item.id, kind: item.kind, make: item.make, model: item.model,
      identifier: item.hinKey ?? item.serialKey ?? item.batchKey, quantity: item.quantity, condition: item.condition,
    })),
  };
}
