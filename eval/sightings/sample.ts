// The sightings sample (format: ../shared/data/README.md): identifier pairs of every party
// scheme, URL pairs and advert texts; read, checked and typed.
import { EvalFailure } from '../support/failure';
import { isObject, oneOf, readJsonFile, readList, requiredText } from '../support/sample-shape';

export const IDENTIFIER_LABELS = ['same', 'different'] as const;

export interface SightingPair {
  scheme: string;
  a: string;
  b: string;
  label: (typeof IDENTIFIER_LABELS)[number];
  /** `b` cannot be what its scheme says: it must be refused. */
  invalid: boolean;
  regionA: string | null;
  regionB: string | null;
  note: string;
}

export const URL_LABELS = ['same', 'different'] as const;
export const TEXT_LABELS = ['near', 'different'] as const;

/** Two sides of an advert (its URL, or its text) and whether they should be sighted. */
export interface AdvertPair<L extends string> {
  a: string;
  b: string;
  label: L;
  lang: string | null;
  note: string;
}

export interface SightingsSample {
  file: string;
  identifierPairs: SightingPair[];
  urls: Array<AdvertPair<(typeof URL_LABELS)[number]>>;
  advertTexts: Array<AdvertPair<(typeof TEXT_LABELS)[number]>>;
}

export class SampleError extends EvalFailure {}

const region = (entry: Record<string, unknown>, key: string) => (typeof entry[key] === 'string' ? (entry[key] as string) : null);

export function loadSightingsSample(file: string): SightingsSample {
  const data = readJsonFile(file, (message) => new SampleError(message));
  if (!isObject(data)) throw new SampleError(`the sample file ${file} must hold a JSON object with an "identifierPairs" array`);
  const problems: string[] = [];
  const identifierPairs = readList(data, 'identifierPairs', problems, (entry, at) => {
    const scheme = requiredText(entry, 'scheme', at, problems);
    const a = requiredText(entry, 'a', at, problems);
    const b = requiredText(entry, 'b', at, problems);
    const label = oneOf(entry, 'label', IDENTIFIER_LABELS, at, problems);
    if (!scheme || !a || !b || !label) return null;
    return { scheme, a, b, label, invalid: entry.invalid === true, regionA: region(entry, 'region_a'), regionB: region(entry, 'region_b'), note: String(entry.note ?? '') };
  });
  const advertPairs = <L extends string>(key: string, labels: readonly L[]) =>
    readList(data, key, problems, (entry, at) => {
      const a = requiredText(entry, 'a', at, problems);
      const b = requiredText(entry, 'b', at, problems);
      const label = oneOf(entry, 'label', labels, at, problems);
      if (!a || !b || !label) return null;
      return { a, b, label, lang: typeof entry.lang === 'string' ? entry.lang : null, note: String(entry.note ?? '') };
    });
  const urls = advertPairs('urls', URL_LABELS);
  const advertTexts = advertPairs('advertTexts', TEXT_LABELS);
  if (problems.length > 0) throw new SampleError(`the sample file ${file} does not have the expected shape:\n${problems.slice(0, 20).map((p) => `  - ${p}`).join('\n')}`);
  if (identifierPairs.length === 0) throw new SampleError(`the sample file ${file} has no "identifierPairs": nothing to evaluate`);
  return { file, identifierPairs, urls, advertTexts };
}
