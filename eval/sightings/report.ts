// The evaluation as Markdown: per scheme, recall on `same`, false matches on `different`,
// refusals on `invalid`, and every pair that went wrong.
import { code, percent, ratio, table } from '../support/markdown';
import type { AdvertPairOutcome } from './advert-sightings';
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

/** The outcomes of one kind of advert pair: every pair that should be sighted, and every false sighting. */
function advertSection(title: string, sighted: string, outcomes: AdvertPairOutcome[]): string[] {
  const positive = outcomes.filter((o) => o.pair.label !== 'different');
  const found = positive.filter((o) => o.sighted);
  const negative = outcomes.filter((o) => o.pair.label === 'different');
  const falseMatches = negative.filter((o) => o.sighted).length + outcomes.reduce((n, o) => n + o.stray, 0);
  const langs = [...new Set(outcomes.map((o) => o.pair.lang ?? '—'))].sort();
  const byLang = langs.map((lang) => {
    const of = outcomes.filter((o) => (o.pair.lang ?? '—') === lang);
    const pos = of.filter((o) => o.pair.label !== 'different');
    return [lang, ratio(pos.filter((o) => o.sighted).length, pos.length), ratio(of.filter((o) => o.pair.label === 'different' && o.sighted).length, of.length - pos.length)];
  });
  const scores = found.map((o) => o.score!).sort((x, y) => x - y);
  const wrong = outcomes.filter((o) => o.refused !== null || o.stray > 0 || o.sighted !== (o.pair.label !== 'different'));
  return [
    `## ${title}`,
    '',
    table(['pairs', `${sighted} sighted`, 'recall', 'false matches (own pair or another\'s)', 'false-match rate', 'refused'], [[
      String(outcomes.length), ratio(found.length, positive.length), positive.length ? percent(found.length / positive.length) : '—',
      String(falseMatches), outcomes.length ? percent(falseMatches / outcomes.length) : '—', String(outcomes.filter((o) => o.refused !== null).length),
    ]]),
    '',
    ...(langs.length > 1 ? [table(['language', `${sighted} sighted`, 'different sighted'], byLang), ''] : []),
    ...(scores.length ? [`Scores of the pairs sighted: ${scores[0]} to ${scores[scores.length - 1]}.`, ''] : []),
    wrong.length === 0
      ? 'Every pair went as labelled.'
      : ['Pairs that did not go as labelled:', '', table(['a', 'b', 'label', 'result'], wrong.map((o) => [
        code(o.pair.a.replace(/\n/g, ' / ')), code(o.pair.b.replace(/\n/g, ' / ')), o.pair.label,
        o.refused ?? `${o.sighted ? `sighted (${o.score})` : 'not sighted'}${o.stray ? `, and ${o.stray} other pair(s)` : ''}`,
      ]))].join('\n'),
    '',
  ];
}

export function renderSightingsReport(
  run: { sample: SightingsSample; database: string; agencies: string; seconds: number },
  outcomes: PairOutcome[],
  adverts: { urls: AdvertPairOutcome[]; texts: AdvertPairOutcome[] },
): string {
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
    ...advertSection('URL pairs (side a on an advert of one agency, side b of the other; SAME_URL)', 'same', adverts.urls),
    ...advertSection('Advert texts (side a on an advert of one agency, side b of the other; SIMILAR_TEXT)', 'near', adverts.texts),
  ].join('\n');
}
