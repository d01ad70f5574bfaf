import type { ExportEdge, ExportGraph, ExportNode } from '../export-graph';
import type { ExportSink } from './export-sink';

/** Roles of suppliers that trade as businesses: FtM `Company`; the others (brokers, facilitators, buyers, unknown) are `Organization`. */
const COMPANY_ROLES = new Set(['MANUFACTURER', 'IMPORTER', 'WHOLESALER', 'RETAILER', 'ONLINE_SELLER']);

/** FtM dates are ISO 8601 up to the second. */
const ftmDate = (date: Date) => date.toISOString().slice(0, 19);

function entityOf(node: ExportNode): object {
  if (node.kind === 'seizure') {
    return {
      id: node.id, schema: 'Event',
      properties: { name: [node.name], keywords: ['seizure'], ...(node.country && { country: [node.country.toLowerCase()] }), ...(node.occurredAt && { date: [ftmDate(node.occurredAt)] }) },
    };
  }
  return {
    id: node.id, schema: COMPANY_ROLES.has(node.role ?? '') ? 'Company' : 'Organization',
    properties: { name: [node.name], ...(node.role && { keywords: [node.role] }), ...(node.country && { country: [node.country.toLowerCase()] }) },
  };
}

/** A movement or a seizure as an `UnknownLink`: its subject the sender (or the holder), its object the receiver (or the seizure). */
function linkOf(edge: ExportEdge): object {
  const when = edge.occurredAt ? ftmDate(edge.occurredAt) : null;
  return {
    id: edge.id, schema: 'UnknownLink',
    properties: {
      subject: [edge.source], object: [edge.target],
      role: [edge.kind === 'movement' ? `supplied${edge.mode ? ` by ${edge.mode}` : ''}` : 'seized from'],
      ...(when && { [edge.kind === 'movement' ? 'startDate' : 'date']: [when] }),
      ...(edge.documentRef && { recordId: [edge.documentRef] }),
    },
  };
}

/**
 * FollowTheMoney entities, one JSON object a line (Aleph's and `ftm`'s import format): suppliers
 * as `Company` or `Organization`, seizures as `Event`, and each movement and seizure as an
 * `UnknownLink` (FtM has no schema for goods moved: its subject and object keep the direction).
 * The format has no room for restricted hits: they are in the X-Restricted-Hits header.
 */
export async function writeFtm(graph: ExportGraph, sink: ExportSink): Promise<void> {
  for (const node of graph.nodes) await sink.write(`${JSON.stringify(entityOf(node))}\n`);
  for (const edge of graph.edges) await sink.write(`${JSON.stringify(linkOf(edge))}\n`);
}
