// What every `npm run eval:*` does around its own measurement: the sample file from the command
// line, a registry on a scratch database with two agencies, progress on standard error, the
// Markdown report on standard output, cleanup whatever happens. Exits 0 whatever the scores (it
// reports, it does not judge); 1 when something broke.
import 'reflect-metadata';
import path from 'node:path';
import { registerAgencies, type EvalAgencies } from './agencies';
import { Cleanup } from './cleanup';
import { EvalFailure } from './failure';
import { startRegistry, type Registry } from './registry';

export interface EvaluationRun {
  registry: Registry;
  agencies: EvalAgencies;
  /** The agencies as the report names them: `EV-A (FR), EV-B (GB)`. */
  agencyText: string;
  progress: (line: string) => void;
  /** Seconds since the run started. */
  seconds(): number;
}

/**
 * Runs `npm run eval:<name>`: `load` reads and checks the sample file (before anything starts),
 * `evaluate` measures it and answers the report.
 */
export function runEvaluation<S>(name: string, sampleName: string, load: (file: string) => S, evaluate: (sample: S, run: EvaluationRun) => Promise<string>): void {
  const usage = `usage: npm run eval:${name} [-- <sample.json>]   (default: ../shared/data/${sampleName})`;
  const started = Date.now();
  const progress = (line: string) => process.stderr.write(`[eval ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

  const sampleFile = (args: string[]): string => {
    if (args.some((arg) => arg === '-h' || arg === '--help')) {
      console.log(usage);
      process.exit(0);
    }
    if (args.length > 1) throw new EvalFailure(`expected at most one sample file, got ${args.length} arguments\n${usage}`);
    // npm runs scripts from the package root; a relative path means relative to where npm was called.
    return args[0] ? path.resolve(process.env.INIT_CWD ?? process.cwd(), args[0]) : path.resolve(__dirname, '..', '..', '..', 'shared', 'data', sampleName);
  };

  const main = async (): Promise<number> => {
    const sample = load(sampleFile(process.argv.slice(2)));
    const cleanup = new Cleanup();
    cleanup.exitOnSignals(progress);
    try {
      const registry = await startRegistry(cleanup, progress);
      const agencies = await registerAgencies(registry);
      const agencyText = [agencies.a, agencies.b].map((a) => `${a.code} (${a.jurisdiction})`).join(', ');
      const report = await evaluate(sample, { registry, agencies, agencyText, progress, seconds: () => (Date.now() - started) / 1000 });
      await new Promise<void>((resolve) => process.stdout.write(report, () => resolve()));
      return 0;
    } finally {
      progress('cleaning up...');
      await cleanup.run(progress);
    }
  };

  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      // Failures of the evaluation explain themselves; anything else is a bug or an outage: show where.
      const message = error instanceof EvalFailure ? error.message : error instanceof Error ? error.stack ?? error.message : String(error);
      process.stderr.write(`\neval:${name} failed: ${message}\n`);
      process.exit(1);
    },
  );
}
