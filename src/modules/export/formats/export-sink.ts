import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Where an export is written piece by piece: a write waits while the reader is behind, so nothing piles up in memory. */
export interface ExportSink<T = string> {
  write(chunk: T): Promise<void>;
}

export function sinkOf<T = string>(stream: Writable): ExportSink<T> {
  return {
    async write(chunk) {
      if (!stream.write(chunk)) await once(stream, 'drain');
    },
  };
}
