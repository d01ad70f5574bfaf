import type { Writable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { ZipFile } from 'yazl';
import type { ExportGraph } from '../export-graph';
import { sinkOf } from './export-sink';

const COLUMNS = {
  nodes: ['id', 'kind', 'name', 'role', 'country', 'depth'],
  edges: ['id', 'source', 'target', 'kind', 'occurredAt', 'mode', 'documentRef', 'depth'],
  restricted: ['agency', 'handling'],
} as const;

/** One CSV file of the ZIP, written row by row as the ZIP takes it in. */
async function writeCsv(zip: ZipFile, name: keyof typeof COLUMNS, rows: Iterable<object>): Promise<void> {
  const csv = stringify({ header: true, columns: [...COLUMNS[name]], cast: { date: (date) => date.toISOString() } });
  zip.addReadStream(csv, `${name}.csv`);
  const sink = sinkOf<object>(csv);
  for (const row of rows) await sink.write(row);
  csv.end();
  await new Promise((resolve) => csv.once('end', resolve));
}

/** A ZIP (yazl) of nodes.csv, edges.csv and restricted.csv, streamed to `out`. */
export async function writeCsvZip(graph: ExportGraph, out: Writable): Promise<void> {
  const zip = new ZipFile();
  const written = new Promise<void>((resolve, reject) => zip.outputStream.pipe(out).once('finish', resolve).once('error', reject));
  await writeCsv(zip, 'nodes', graph.nodes);
  await writeCsv(zip, 'edges', graph.edges);
  await writeCsv(zip, 'restricted', graph.restricted);
  zip.end();
  await written;
}
