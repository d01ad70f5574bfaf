import type { ExportGraph } from '../export-graph';
import type { ExportSink } from './export-sink';

/** Cytoscape JSON (cytoscape.js `cy.json()`, Cytoscape desktop's import): the restricted hits as `data.restricted`. */
export async function writeCytoscape(graph: ExportGraph, sink: ExportSink): Promise<void> {
  await sink.write(`{"data":${JSON.stringify({ restricted: graph.restricted, truncated: graph.truncated })},"elements":{"nodes":[`);
  for (const [i, node] of graph.nodes.entries()) await sink.write(`${i > 0 ? ',' : ''}\n${JSON.stringify({ data: node })}`);
  await sink.write('\n],"edges":[');
  for (const [i, edge] of graph.edges.entries()) await sink.write(`${i > 0 ? ',' : ''}\n${JSON.stringify({ data: edge })}`);
  await sink.write('\n]}}\n');
}
