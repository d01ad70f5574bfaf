import { cpus, totalmem } from 'node:os';
import type { ClientBase } from 'pg';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
}

/** The machine a run measured (figures only compare within one run, but say where they come from). */
export async function describeMachine(client: ClientBase): Promise<Machine> {
  const { rows } = await client.query(`SELECT current_setting('server_version') AS version`);
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: rows[0].version,
  };
}
