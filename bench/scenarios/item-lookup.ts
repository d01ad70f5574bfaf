import { normaliseIdentifier } from '../../src/modules/item/identifier';
import { noErrors, type Scenario } from './scenario';
import type { SqlSession, SqlWork } from './sql-session';

const QUERY = `query Lookup($identifier: String!) {
  items(filter: { identifier: $identifier }) {
    nodes {
      id kind make serialNumber hin batchNumber identifier
      seizure { reference jurisdiction agency { code } }
      matches {
        basis score status
        item { id identifier seizure { jurisdiction agency { code } } }
        restricted { agency { code } handling }
      }
    }
  }
}`;

/** An identifier typed the way an officer might (lower case, spaced), looked up with the matches of what it finds. */
export function itemLookup(identifiers: string[]): Scenario<{ identifier: string }> {
  return {
    name: 'item-lookup',
    title: 'items(filter: {identifier}) with matches',
    params: (n) => ({ identifier: identifiers[n % identifiers.length] }),
    graphql: (params) => ({ query: QUERY, variables: params }),
    succeeded: noErrors,
    baseline: 'item-lookup',
  };
}

async function seizuresByIds(session: SqlSession, ids: string[]) {
  const visible = session.readable('s', 2);
  return session.query(`SELECT s.* FROM seizure s WHERE ${visible.clause} AND s.id = ANY($1)`, [ids, ...visible.values]);
}

async function itemsByIds(session: SqlSession, ids: string[]) {
  const visible = session.readable('s', 2);
  return session.query(`SELECT i.* FROM item i JOIN seizure s ON s.id = i.seizure_id WHERE ${visible.clause} AND i.id = ANY($1)`, [ids, ...visible.values]);
}

/**
 * The statements the registry sends for Lookup, as plain SQL: its planned read of the items by
 * key, each with its seizure and agency and its readable matches as JSON; then the hits of the
 * page, the matched items, their seizures and the agencies not yet known.
 */
export const itemLookupSql: SqlWork = async (session, { identifier }: { identifier: string }) => {
  const key = normaliseIdentifier(identifier);
  const visible = session.readable('s', 2);
  const other = session.readable('so', 2);
  const rows = (await session.query(
    `SELECT json_build_object('id', i.id, 'seizureId', i.seizure_id, 'kind', i.kind, 'make', i.make, 'serialNumber', i.serial_number,
                              'hin', i.hin, 'batchNumber', i.batch_number, 'hinKey', i.hin_key, 'serialKey', i.serial_key, 'batchKey', i.batch_key) AS item,
            json_build_object('id', s.id, 'reference', s.reference, 'jurisdiction', s.jurisdiction, 'agencyId', s.agency_id) AS seizure,
            (SELECT json_build_object('id', a.id, 'code', a.code) FROM agency a WHERE a.id = s.agency_id) AS agency,
            (SELECT coalesce(json_agg(json_build_object('itemA', m.item_a, 'itemB', m.item_b, 'basis', m.basis, 'score', m.score, 'status', m.status)
                                      ORDER BY m.score DESC, m.created_at ASC, m.item_a ASC, m.item_b ASC), '[]'::json)
               FROM (SELECT pair.*, pair.item_b AS other_id FROM item_match pair WHERE pair.item_a = i.id
                     UNION ALL
                     SELECT pair.*, pair.item_a FROM item_match pair WHERE pair.item_b = i.id) m
               JOIN item io ON io.id = m.other_id JOIN seizure so ON so.id = io.seizure_id
              WHERE ${other.clause}) AS matches
       FROM item i JOIN seizure s ON s.id = i.seizure_id
      WHERE ${visible.clause} AND (i.hin_key = $1 OR i.serial_key = $1 OR i.batch_key = $1)
      ORDER BY i.recorded_at DESC, i.id DESC LIMIT 21`,
    [key, ...visible.values],
  )).slice(0, 20);
  const hits = await session.query(`SELECT * FROM item_match_hits(CAST($1 AS uuid[]))`, [rows.map((r) => r.item.id)]);
  const agencyCode = new Map<string, string>(rows.map((r) => [r.agency.id, r.agency.code]));
  const otherIds = [...new Set(rows.flatMap((r) => r.matches.map((m: any) => (m.itemA === r.item.id ? m.itemB : m.itemA))))];
  const others = otherIds.length > 0 ? await itemsByIds(session, otherIds) : [];
  const known = new Set(rows.map((r) => r.seizure.id));
  const otherSeizureIds = [...new Set(others.map((i) => i.seizure_id))].filter((id) => !known.has(id));
  const otherSeizures = otherSeizureIds.length > 0 ? await seizuresByIds(session, otherSeizureIds) : [];
  const hitAgencies = hits.map((h) => h.agency_id);
  const missing = [...new Set([...otherSeizures.map((s) => s.agency_id), ...hitAgencies])].filter((id) => !agencyCode.has(id));
  for (const a of missing.length > 0 ? await session.query(`SELECT a.* FROM agency a WHERE a.id = ANY($1)`, [missing]) : []) agencyCode.set(a.id, a.code);

  const seizureOf = new Map<string, any>([...rows.map((r) => [r.seizure.id, { jurisdiction: r.seizure.jurisdiction, agency_id: r.seizure.agencyId }] as const), ...otherSeizures.map((s) => [s.id, s] as const)]);
  const itemOf = new Map(others.map((i) => [i.id, i]));
  return rows.map(({ item, seizure, matches }) => ({
    id: item.id, kind: item.kind, make: item.make, serialNumber: item.serialNumber, hin: item.hin, batchNumber: item.batchNumber,
    identifier: item.hinKey ?? item.serialKey ?? item.batchKey,
    seizure: { reference: seizure.reference, jurisdiction: seizure.jurisdiction, agency: { code: agencyCode.get(seizure.agencyId) } },
    matches: [
      ...matches.map((m: any) => {
        const other = itemOf.get(m.itemA === item.id ? m.itemB : m.itemA);
        const otherSeizure = other && seizureOf.get(other.seizure_id);
        return {
          basis: m.basis, score: Number(m.score), status: m.status,
          item: other ? { id: other.id, identifier: other.hin_key ?? other.serial_key ?? other.batch_key, seizure: { jurisdiction: otherSeizure.jurisdiction, agency: { code: agencyCode.get(otherSeizure.agency_id) } } } : null,
        };
      }),
      ...hits.filter((h) => h.item_id === item.id).map((h) => ({ basis: h.basis, score: Number(h.score), status: h.status, item: null, restricted: { agency: { code: agencyCode.get(h.agency_id) }, handling: h.handling } })),
    ],
  }));
};
