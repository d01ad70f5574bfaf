// `npm run eval:sightings [file]`: records the labelled sample through the registry's GraphQL
// API into a scratch database and prints how sightings did, as Markdown. Exits 0 whatever the
// scores (it reports, it does not judge); 1 when something broke.
import 'reflect-metadata';
import path from 'node:path';
import { registerAgencies } from '../support/agencies';
import { Cleanup } from '../support/cleanup';
import { EvalFailure } from '../support/failure';
import { startRegistry } from '../support/registry';
import { evaluateIdentifierSightings } from './identifier-sightings';
import { renderSightingsReport } from './report';
import { loadSightingsSample, SampleError } from './sample';

const USAGE = 'usage: npm run eval:sightings [-- <sample.json>]   (default: ../shared/data/sightings-sample.json)';
const DEFAULT_SAMPLE = path.resolve(__dirname, '..', '..', '..', 'shared', 'data', 'sightings-sample.json');

const started = Date.now();
const progress = (line: string) => process.stderr.write(`[eval ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

function sampleFile(args: string[]): string {
  if (args.some((arg) => arg === '-h' || arg === '--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  if (args.length > 1) throw new SampleError(`expected at most one sample file, got ${args.length} arguments\n${USAGE}`);
  return args[0] ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args[0]) : DEFAULT_SAMPLE;
}

async function main(): Promise<number> {
  const sample = loadSightingsSample(sampleFile(process.argv.slice(2)));
  const cleanup = new Cleanup();
  cleanup.exitOnSignals(progress);
  try {
    const registry = await startRegistry(cleanup, progress);
    const agencies = await registerAgencies(registry);
    const outcomes = await evaluateIdentifierSightings(registry, agencies, sample.identifierPairs, progress);
    const agencyText = [agencies.a, agencies.b].map((a) => `${a.code} (${a.jurisdiction})`).join(', ');
    const report = renderSightingsReport({ sample, database: registry.database, agencies: agencyText, seconds: (Date.now() - started) / 1000 }, outcomes);
    await new Promise<void>((resolve) => process.stdout.write(report, () => resolve()));
    return 0;
  } finally {
    progress('cleaning up...');
    await cleanup.run(progress);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = error instanceof EvalFailure ? error.message : error instanceof Error ? error.stack ?? error.message : String(error);
    process.stderr.write(`\neval:sightings failed: ${message}\n`);
    process.exit(1);
  },
);
