// The evaluation as Markdown: per scheme, recall on `same`, false matches on `different`,
// refusals on `invalid`, and every pair that went wrong.
import { code, percent, ratio, table } from '../support/markdown';
import type { PairOutcome } from './identifier-sightings';
import type { SightingsSample } from './sample';

interface Tally { same: number; found: number; different: number; falseMatches: number; invalid: number; refused: number; validRefused: number }

const empty = (): Tally => ({ same: 0, found: 0, different: 0, falseMatches: 0, invalid: 0, refused: 0, validRefused: 0 });

function tally(outcomes: PairOutcome[]): Tally {
  const t = empty();
  for (const { pair, result } of outcomes) {
    if (pair.invalid) {
      t.invalid++;
      if (result === 'b refused') t.refused++;
      continue;
    }
    if (result === 'a refused' || result === 'b refused') t.validRefused++;
    if (pair.label === 'same') {
      t.same++;
      if (result === 'sighted') t.found++;
    } else {
      t.different++;
      if (result === 'sighted') t.falseMatches++;
    }
  }
  return t;
}

const wrong = ({ pair, result }: PairOutcome) =>
  pair.invalid ? result !== 'b refused' : result === 'a refused' || result === 'b refused' || (pair.label === 'same') !== (result === 'sighted');

export function renderSightingsReport(run: { sample: SightingsSample; database: string; agencies: string; seconds: number }, outcomes: PairOutcome[]): string {
  const schemes = [...new Set(outcomes.map((o) => o.pair.scheme))].sort();
  const row = (name: string, t: Tally) => [
    name, ratio(t.found, t.same), t.same ? percent(t.found / t.same) : '—', ratio(t.falseMatches, t.different), ratio(t.refused, t.invalid), String(t.validRefused),
  ];
  const rows = schemes.map((scheme) => row(scheme, tally(outcomes.filter((o) => o.pair.scheme === scheme))));
  const all = tally(outcomes);
  const failures = outcomes.filter(wrong);
  return [
    '# Sightings evaluation',
    '',
    `Sample ${code(run.sample.file)}; ${run.database}; agencies ${run.agencies}; ${run.seconds.toFixed(1)} s.`,
    '',
    '## Identifier pairs (side a on a supplier of one agency, side b of the other; b\'s sightings read)',
    '',
    table(['scheme', 'same sighted', 'recall', 'false matches on different', 'invalid refused', 'valid refused'], [...rows, row('**all**', all)]),
    '',
    failures.length === 0
      ? 'Every pair went as labelled.'
      : ['Pairs that did not go as labelled:', '', table(['scheme', 'a', 'b', 'label', 'result', 'detail'], failures.map(({ pair, result, detail }) =>
        [pair.scheme, code(pair.a), code(pair.b), pair.invalid ? 'invalid' : pair.label, result, detail]))].join('\n'),
    '',
    `Not measured yet: ${run.sample.urls} URL pairs and ${run.sample.advertTexts} advert texts (adverts are not recorded by the registry yet).`,
    '',
  ].join('\n');
}
