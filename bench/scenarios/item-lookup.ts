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
 * The statements the registry sends for Lookup, as plain SQL: the items by key, their seizures,
 * the matches both sides can read, the hits, agencies, the matched items and their seizures.
 */
export const itemLookupSql: SqlWork = async (session, { identifier }: { identifier: string }) => {
  const key = normaliseIdentifier(identifier);
  const visible = session.readable('s', 2);
  const items = (await session.query(
    `SELECT i.* FROM item i JOIN seizure s ON s.id = i.seizure_id
      WHERE ${visible.clause} AND (i.hin_key = $1 OR i.serial_key = $1 OR i.batch_key = $1)
      ORDER BY i.recorded_at DESC, i.id DESC LIMIT 21`,
    [key, ...visible.values],
  )).slice(0, 20);
  const itemIds = items.map((i) => i.id);
  const seizures = await seizuresByIds(session, [...new Set(items.map((i) => i.seizure_id))]);
  const sideA = session.readable('sa', 2);
  const sideB = session.readable('sb', 2);
  const matches = await session.query(
    `SELECT m.* FROM item_match m
       JOIN item ia ON ia.id = m.item_a JOIN seizure sa ON sa.id = ia.seizure_id
       JOIN item ib ON ib.id = m.item_b JOIN seizure sb ON sb.id = ib.seizure_id
      WHERE (m.item_a = ANY($1) OR m.item_b = ANY($1)) AND ${sideA.clause} AND ${sideB.clause}
      ORDER BY m.score DESC, m.created_at ASC`,
    [itemIds, ...sideA.values],
  );
  const hits = await session.query(`SELECT * FROM item_match_hits(CAST($1 AS uuid[]))`, [itemIds]);
  const agencyIds = new Set([...seizures.map((s) => s.agency_id), ...hits.map((h) => h.agency_id)]);
  const agencies = await session.query(`SELECT a.* FROM agency a WHERE a.id = ANY($1)`, [[...agencyIds]]);
  const otherIds = [...new Set(matches.map((m) => (itemIds.includes(m.item_a) ? m.item_b : m.item_a)))];
  const others = otherIds.length > 0 ? await itemsByIds(session, otherIds) : [];
  const known = new Set(seizures.map((s) => s.id));
  const otherSeizureIds = [...new Set(others.map((i) => i.seizure_id))].filter((id) => !known.has(id));
  const otherSeizures = otherSeizureIds.length > 0 ? await seizuresByIds(session, otherSeizureIds) : [];
  const missingAgencies = [...new Set(otherSeizures.map((s) => s.agency_id))].filter((id) => !agencyIds.has(id));
  const moreAgencies = missingAgencies.length > 0 ? await session.query(`SELECT a.* FROM agency a WHERE a.id = ANY($1)`, [missingAgencies]) : [];

  const agencyCode = new Map([...agencies, ...moreAgencies].map((a) => [a.id, a.code]));
  const seizureOf = new Map([...seizures, ...otherSeizures].map((s) => [s.id, s]));
  const itemOf = new Map(others.map((i) => [i.id, i]));
  return items.map((item) => {
    const seizure = seizureOf.get(item.seizure_id);
    return {
      id: item.id, kind: item.kind, make: item.make, serialNumber: item.serial_number, hin: item.hin, batchNumber: item.batch_number,
      identifier: item.hin_key ?? item.serial_key ?? item.batch_key,
      seizure: { reference: seizure.reference, jurisdiction: seizure.jurisdiction, agency: { code: agencyCode.get(seizure.agency_id) } },
      matches: [
        ...matches.filter((m) => m.item_a === item.id || m.item_b === item.id).map((m) => {
          const other = itemOf.get(m.item_a === item.id ? m.item_b : m.item_a);
          const otherSeizure = other && seizureOf.get(other.seizure_id);
          return {
            basis: m.basis, score: Number(m.score), status: m.status,
            item: other ? { id: other.id, identifier: other.hin_key ?? other.serial_key ?? other.batch_key, seizure: { jurisdiction: otherSeizure.jurisdiction, agency: { code: agencyCode.get(otherSeizure.agency_id) } } } : null,
          };
        }),
        ...hits.filter((h) => h.item_id === item.id).map((h) => ({
          basis: h.basis, score: Number(h.score), status: h.status, item: null, restricted: { agency: { code: agencyCode.get(h.agency_id) }, handling: h.handling },
        })),
      ],
    };
  });
};
