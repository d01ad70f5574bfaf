import { PEER_SEIZURE_FIELDS, peerSeizureRecords, registrySeizureRecords, type PeerRead } from '../peer/peer-read';
import type { Scenario } from './scenario';
import { noErrors } from './scenario';
import type { SqlSession, SqlWork } from './sql-session';

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

/** The statements the registry sends for NestedRead (seizure page, agencies, items per seizure), as plain SQL. */
export const nestedReadSql: SqlWork = async (session, { first }: { first: number }) => {
  const seizuresVisible = session.readable('s', 2);
  const seizures = await session.query(
    `SELECT s.* FROM seizure s WHERE ${seizuresVisible.clause} ORDER BY s.seized_at DESC, s.id DESC LIMIT $1`,
    [first + 1, ...seizuresVisible.values],
  );
  return { hasNextPage: seizures.length > first, nodes: await withAgencyAndItems(session, seizures.slice(0, first)) };
};

/**
 * What the registry loads under a list of seizure rows for these scenarios' fields: their
 * agencies (one statement), their first 20 readable items each (one statement), as JSON.
 */
export async function withAgencyAndItems(session: SqlSession, page: any[]): Promise<unknown[]> {
  const ids = page.map((s) => s.id);
  const agencies = await session.query(`SELECT a.* FROM agency a WHERE a.id = ANY($1)`, [[...new Set(page.map((s) => s.agency_id))]]);
  const itemsVisible = session.readable('s', 3);
  const items = await session.query(
    `SELECT i.* FROM item i JOIN seizure s ON s.id = i.seizure_id
      WHERE ${itemsVisible.clause}
        AND i.id IN (SELECT ranked.id FROM (
              SELECT x.id, row_number() OVER (PARTITION BY x.seizure_id ORDER BY x.position) AS rank
                FROM item x WHERE x.seizure_id = ANY($1) AND x.position > 0) ranked
             WHERE ranked.rank <= $2)
      ORDER BY i.seizure_id, i.position`,
    [ids, 21, ...itemsVisible.values],
  );
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const itemsOf = new Map<string, unknown[]>(ids.map((id) => [id, []]));
  for (const item of items) {
    const list = itemsOf.get(item.seizure_id)!;
    if (list.length < 20) {
      list.push({
        id: item.id, kind: item.kind, make: item.make, model: item.model,
        identifier: item.hin_key ?? item.serial_key ?? item.batch_key, quantity: item.quantity, condition: item.condition,
      });
    }
  }
  return page.map((s) => ({
    id: s.id, reference: s.reference, jurisdiction: s.jurisdiction, seizedAt: s.seized_at, handling: s.handling,
    agency: { code: agencyById.get(s.agency_id).code, name: agencyById.get(s.agency_id).name },
    items: itemsOf.get(s.id),
  }));
}
