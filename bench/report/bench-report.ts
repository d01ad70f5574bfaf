import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { LiveResult } from '../live/subscription-load';
import type { DatasetReport } from '../load/load-dataset';
import type { ScenarioResult } from '../measure/run-scenario';
import type { Machine } from './machine';
import type { TargetResult } from './targets';

/** Everything one run found; written as `<scale>-latest.json` and rendered as Markdown. */
export interface BenchReport {
  scale: string;
  startedAt: string;
  machine: Machine;
  settings: { seconds: number; warmupSeconds: number; connections: number; poolSize: number; seed: number };
  /** PostgreSQL settings changed for the benchmark's own cluster (empty when DATABASE_URL was given). */
  postgresTuning: Record<string, string>;
  dataset: DatasetReport;
  /** The server's resident memory once started, before any request. */
  serverIdleRssBytes: number | null;
  /** The peer measured beside the registry (PostGraphile, on its own Node); null when the run skipped it. */
  peer: { postgraphile: string; node: string } | null;
  scenarios: ScenarioResult[];
  /** The subscriptions benchmark; null when the run left it out. */
  live: LiveResult | null;
  targets: TargetResult[];
}

/** Writes the report as `<dir>/<scale>-latest.json` (one stable name per scale: diffs show what changed). */
export async function writeJsonReport(report: BenchReport, dir: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${report.scale}-latest.json`);
  await writeFile(file, JSON.stringify(report, null, 2) + '\n');
  return file;
}
