import { DEFAULT_OPTIONS, type BenchOptions } from './harness';
import { isScaleName } from './scales';

const USAGE =
  'usage: npm run bench -- --scale tiny|small|large [--duration S] [--warmup S] [--connections N] [--pool N] [--seed N] [--reload] [--out DIR] [--data-dir DIR] [--only SCENARIO,...] [--peer | --no-peer] [--peer-dir DIR] [--subscriptions N] [--live-rate N] [--live-duration S]\n' +
  '  --subscriptions, --live-rate, --live-duration: the subscriptions benchmark (default 500 subscriptions, 50 seizures/s, 60 s; `--only subscriptions` runs it alone);\n' +
  '  --peer / --no-peer: measure PostGraphile 5 over the same database beside the registry, or not (default: yes, except at tiny scale);\n' +
  '  it is installed on first use (npm ci of bench/peer, Node 22 included) under --peer-dir (default .data/bench-peer)';

function positiveNumber(flag: string, raw: string | undefined, integer: boolean): number {
  const value = Number(raw);
  if (raw === undefined || !Number.isFinite(value) || value < 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`${flag} needs a ${integer ? 'whole ' : ''}number, got '${raw ?? ''}'\n${USAGE}`);
  }
  return value;
}

/** The command line of `npm run bench`; DATABASE_URL, when set, names the (benchmark-only) database to use. */
export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): Omit<BenchOptions, 'log'> {
  const options: Omit<BenchOptions, 'log' | 'scale'> & { scale?: string } = { ...DEFAULT_OPTIONS, databaseUrl: env.DATABASE_URL || undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = () => argv[++i];
    switch (flag) {
      case '--scale': options.scale = next(); break;
      case '--duration': options.seconds = positiveNumber(flag, next(), false); break;
      case '--warmup': options.warmupSeconds = positiveNumber(flag, next(), false); break;
      case '--connections': options.connections = Math.max(1, positiveNumber(flag, next(), true)); break;
      case '--pool': options.poolSize = Math.max(1, positiveNumber(flag, next(), true)); break;
      case '--seed': options.seed = positiveNumber(flag, next(), true); break;
      case '--reload': options.reload = true; break;
      case '--out': options.resultsDir = next(); break;
      case '--data-dir': options.dataDir = next(); break;
      case '--only': options.only = (next() ?? '').split(',').filter(Boolean); break;
      case '--peer': options.peer = true; break;
      case '--no-peer': options.peer = false; break;
      case '--peer-dir': options.peerDir = next(); break;
      case '--subscriptions': options.live = { ...options.live, subscriptions: Math.max(1, positiveNumber(flag, next(), true)) }; break;
      case '--live-rate': options.live = { ...options.live, perSecond: Math.max(1, positiveNumber(flag, next(), false)) }; break;
      case '--live-duration': options.live = { ...options.live, seconds: Math.max(1, positiveNumber(flag, next(), false)) }; break;
      default: throw new Error(`unknown option '${flag}'\n${USAGE}`);
    }
  }
  if (!options.scale || !isScaleName(options.scale)) throw new Error(`--scale must be tiny, small or large\n${USAGE}`);
  return { ...options, scale: options.scale };
}
