// `npm run bench -- --scale tiny|small|large [...]`: see bench/cli-options.ts and the README's Performance section.
import 'reflect-metadata';
import { parseCliOptions } from './cli-options';
import { runBench } from './harness';

async function main(): Promise<void> {
  const options = parseCliOptions(process.argv.slice(2), process.env);
  const started = Date.now();
  const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
  const report = await runBench({ ...options, log: (line) => console.error(`[bench ${elapsed()} s] ${line}`) });
  console.log(report.markdown);
  console.error(`[bench ${elapsed()} s] report written to ${report.jsonFile}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
