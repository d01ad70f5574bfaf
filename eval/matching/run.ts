// `npm run eval:matching [file]`: records the labelled sample through the registry's GraphQL API
// into a scratch database and prints how matching and supplier search did, as Markdown.
// Exits 0 whatever the scores (it reports, it does not judge); 1 when something broke.
import 'reflect-metadata';
import path from 'node:path';
import { registerAgencies } from '../support/agencies';
import { Cleanup } from '../support/cleanup';
import { EvalFailure } from '../support/failure';
import { evaluateIdentifierPairs, type IdentifierOutcome } from './identifier-pairs';
import { startRegistry } from '../support/registry';
import { renderReport } from './report';
import { loadSample, SampleError } from './sample';
import { evaluateSupplierNames, type SupplierOutcome } from './supplier-names';

const USAGE = 'usage: npm run eval:matching [-- <sample.json>]   (default: ../shared/data/matching-sample.json)';
const DEFAULT_SAMPLE = path.resolve(__dirname, '..', '..', '..', 'shared', 'data', 'matching-sample.json');

const started = Date.now();
const progress = (line: string) => process.stderr.write(`[eval ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

function sampleFile(args: string[]): string {
  if (args.some((arg) => arg === '-h' || arg === '--help')) {
    console.log(USAGE);
    process.exit(0);
  }
  if (args.length > 1) throw new SampleError(`expected at most one sample file, got ${args.length} arguments\n${USAGE}`);
  // npm runs scripts from the package root; a relative path means relative to where npm was called.
  return args[0] ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args[0]) : DEFAULT_SAMPLE;
}

async function main(): Promise<number> {
  const sample = loadSample(sampleFile(process.argv.slice(2)));
  const cleanup = new Cleanup();
  cleanup.exitOnSignals(progress);
  try {
    const registry = await startRegistry(cleanup, progress);
    const agencies = await registerAgencies(registry);
    let identifiers: IdentifierOutcome | null = null;
    if (sample.identifierPairs.length > 0) {
      identifiers = await evaluateIdentifierPairs(registry, agencies, sample.identifierPairs, progress);
      if (!identifiers.available) progress(`item matching not available (${identifiers.reason}); skipping the identifier pairs`);
    }
    let suppliers: SupplierOutcome | null = null;
    if (sample.supplierNames.length > 0) suppliers = await evaluateSupplierNames(registry, agencies, sample.supplierNames, progress);

    const agencyText = [agencies.a, agencies.b].map((a) => `${a.code} (${a.jurisdiction})`).join(', ');
    const run = { sample, database: registry.database, agencies: agencyText, seconds: (Date.now() - started) / 1000 };
    const report = renderReport(run, identifiers, suppliers);
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
    // Failures of the evaluation explain themselves; anything else is a bug or an outage: show where.
    const message = error instanceof EvalFailure ? error.message : error instanceof Error ? error.stack ?? error.message : String(error);
    process.stderr.write(`\neval:matching failed: ${message}\n`);
    process.exit(1);
  },
);
