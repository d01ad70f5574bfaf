import type { ExportGraph } from '../export-graph';
import type { ExportSink } from './export-sink';
import { restrictedHeader } from './restricted-hits';

const KEYS = [
  ['n_kind', 'node', 'kind', 'string'], ['n_name', 'node', 'name', 'string'], ['n_role', 'node', 'role', 'string'],
  ['n_country', 'node', 'country', 'string'], ['n_depth', 'node', 'depth', 'int'], ['n_occurredAt', 'node', 'occurredAt', 'string'],
  ['e_kind', 'edge', 'kind', 'string'], ['e_occurredAt', 'edge', 'occurredAt', 'string'], ['e_mode', 'edge', 'mode', 'string'],
  ['e_documentRef', 'edge', 'documentRef', 'string'], ['e_depth', 'edge', 'depth', 'int'],
  ['g_restricted', 'graph', 'restricted', 'string'], ['g_truncated', 'graph', 'truncated', 'boolean'],
] as const;

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)
  // Characters XML 1.0 cannot hold at all are dropped.
  .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');

function data(key: string, value: string | number | boolean | Date | null): string {
  if (value === null) return '';
  return `<data key="${key}">${escapeXml(value instanceof Date ? value.toISOString() : String(value))}</data>`;
}

/** GraphML (Gephi, yEd, Cytoscape desktop), directed; the restricted hits as the graph's `restricted` data. */
export async function writeGraphml(graph: ExportGraph, sink: ExportSink): Promise<void> {
  await sink.write('<?xml version="1.0" encoding="UTF-8"?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n');
  for (const [id, domain, name, type] of KEYS) await sink.write(`  <key id="${id}" for="${domain}" attr.name="${name}" attr.type="${type}"/>\n`);
  await sink.write(`  <graph id="G" edgedefault="directed">\n    ${data('g_restricted', restrictedHeader(graph.restricted))}${data('g_truncated', graph.truncated)}\n`);
  for (const node of graph.nodes) {
    await sink.write(`    <node id="${node.id}">${data('n_kind', node.kind)}${data('n_name', node.name)}${data('n_role', node.role)}` +
      `${data('n_country', node.country)}${data('n_depth', node.depth)}${data('n_occurredAt', node.occurredAt)}</node>\n`);
  }
  for (const edge of graph.edges) {
    await sink.write(`    <edge id="${edge.id}" source="${edge.source}" target="${edge.target}">${data('e_kind', edge.kind)}` +
      `${data('e_occurredAt', edge.occurredAt)}${data('e_mode', edge.mode)}${data('e_documentRef', edge.documentRef)}${data('e_depth', edge.depth)}</edge>\n`);
  }
  await sink.write('  </graph>\n</graphml>\n');
}
