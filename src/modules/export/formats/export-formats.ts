import type { Writable } from 'node:stream';
import type { ExportGraph } from '../export-graph';
import { writeCsvZip } from './csv-zip';
import { writeCytoscape } from './cytoscape';
import { sinkOf } from './export-sink';
import { writeFtm } from './ftm';
import { writeGraphml } from './graphml';

export interface ExportFormat {
  contentType: string;
  /** The file name's ending, in Content-Disposition. */
  extension: string;
  write(graph: ExportGraph, out: Writable): Promise<void>;
}

/** The formats of `format=`, as API.md names them. */
export const EXPORT_FORMATS: Readonly<Record<string, ExportFormat>> = {
  ftm: { contentType: 'application/x-ndjson; charset=utf-8', extension: 'ftm.ndjson', write: (graph, out) => writeFtm(graph, sinkOf(out)) },
  graphml: { contentType: 'application/graphml+xml; charset=utf-8', extension: 'graphml', write: (graph, out) => writeGraphml(graph, sinkOf(out)) },
  cyjs: { contentType: 'application/json; charset=utf-8', extension: 'cyjs', write: (graph, out) => writeCytoscape(graph, sinkOf(out)) },
  csv: { contentType: 'application/zip', extension: 'zip', write: writeCsvZip },
};
