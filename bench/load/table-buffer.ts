import { copyLine, type CopyValue } from './copy-text';

const CHUNK_BYTES = 1 << 20;

/**
 * The rows of one table as COPY text, in chunks of about 1 MiB held in memory: generated once,
 * then streamed twice (a raw COPY to compare with, and the real load).
 */
export class TableBuffer {
  readonly chunks: Buffer[] = [];
  rows = 0;
  bytes = 0;
  private pending: string[] = [];
  private pendingLength = 0;

  constructor(
    readonly table: string,
    readonly columns: readonly string[],
  ) {}

  add(values: readonly CopyValue[]): void {
    if (values.length !== this.columns.length) {
      throw new Error(`${this.table}: ${values.length} values for ${this.columns.length} columns`);
    }
    const line = copyLine(values);
    this.pending.push(line);
    this.pendingLength += line.length;
    this.rows++;
    if (this.pendingLength >= CHUNK_BYTES) this.flush();
  }

  /** Every chunk, the last partial one included. */
  done(): Buffer[] {
    this.flush();
    return this.chunks;
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.chunks.push(chunk);
    this.bytes += chunk.length;
    this.pending = [];
    this.pendingLength = 0;
  }
}
