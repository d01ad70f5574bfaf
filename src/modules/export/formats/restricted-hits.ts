import type { ExportHit } from '../export-graph';

/** The restricted hits as the X-Restricted-Hits header (and GraphML) give them: `AGENCY:HANDLING`, sorted, comma-separated; empty when none. */
export function restrictedHeader(hits: ExportHit[]): string {
  return hits.map((hit) => `${hit.agency}:${hit.handling}`).sort().join(',');
}
