// The evaluation's output: one Markdown document on standard output.
import type { IdentifierOutcome, ItemRef, PairObservation } from './identifier-pairs';
import { identifierMetrics, type LabelResult, type Target } from './identifier-metrics';
import { code, fixed, percent, ratio, table, yesNo } from '../support/markdown';
import type { Sample } from './sample';
import { supplierMetrics } from './supplier-metrics';
import type { SearchObservation, SupplierOutcome } from './supplier-names';

export interface RunInfo {
  sample: Sample;
  database: string;
  agencies: string;
  seconds: number;
}

const MAX_LISTED = 15;

export function renderReport(run: RunInfo, identifiers: IdentifierOutcome | null, suppliers: SupplierOutcome | null): string {
  return [
    '# Matching evaluation',
    '',
    `- sample: ${code(run.sample.file)}: ${run.sample.identifierPairs.length} identifier pairs, ${run.sample.supplierNames.length} supplier entries`,
    `- registry: in-process server over HTTP, ${run.database}`,
    `- agencies: ${run.agencies}`,
    `- time: ${run.seconds.toFixed(1)} s in all`,
    '',
    '## Identifier pairs',
    '',
    ...(identifiers ? identifierSection(identifiers) : ['No identifier pairs in the sample.']),
    '',
    '## Supplier names',
    '',
    ...(suppliers ? supplierSection(suppliers) : ['No supplier entries in the sample.']),
    '',
  ].join('\n');
}

function identifierSection(outcome: IdentifierOutcome): string[] {
  const r = outcome.recording;
  const recorded = [
    `Recorded ${r.items} items in ${r.seizures} seizures in ${r.seconds.toFixed(1)} s: ${r.damagedAsRead} readings with ${code('?')}/${code('*')} as damaged marks,`,
    `${r.reRecordedDamaged} refused as read (INVALID_IDENTIFIER) and recorded again as damaged, ${r.refused.length} refused even as damaged.`,
    ...r.refused.slice(0, MAX_LISTED).map(({ ref, reason }) => `- not recorded: ${refText(ref)}: ${reason}`),
  ];
  if (!outcome.available) {
    return [`**item matching not available**: ${outcome.reason}; the pairs cannot be evaluated yet.`, '', ...recorded];
  }

  const metrics = identifierMetrics(outcome.observations);
  const rows = metrics.labels.map((l) => [
    l.label,
    String(l.pairs),
    String(l.matched),
    l.target.measure === 'recall' ? fixed(l.rate) : '—',
    l.target.measure === 'falseMatchRate' ? percent(l.rate) : '—',
    targetText(l.target),
    yesNo(l.met),
    l.score && l.score.of > 0 ? `${ratio(l.score.passed, l.score.of)} ${l.label === 'same' ? '= 1.0' : 'in (0, 1)'}` : '—',
    ratio(l.basis.passed, l.basis.of),
    ratio(l.status.passed, l.status.of),
    ratio(l.directions.passed, l.directions.of),
    String(l.notRecorded),
  ]);
  return [
    ...recorded,
    '',
    'A pair is matched when `b`\'s `matches` list `a`\'s item. Checks: score (same: 1.0; fuzzy: strictly between 0 and 1),',
    'basis names the field (SAME_SERIAL / SAME_HIN / SAME_BATCH), status SUGGESTED, and both directions agree (same score and basis).',
    '',
    table(
      ['label', 'pairs', 'matched', 'recall', 'false-match rate', 'target', 'met', 'score', 'basis', 'SUGGESTED', 'both directions', 'not recorded'],
      rows,
    ),
    '',
    `Precision over labelled pairs: ${metrics.precision === null ? '— (nothing matched)' : fixed(metrics.precision, 3)}.`,
    `Cross-pair matches (items of different sample pairs linked): ${outcome.crossPair.length}.` +
      (outcome.restricted > 0 ? ` Restricted hits (unexpected, all items are TLP_GREEN): ${outcome.restricted}.` : ''),
    ...outcome.crossPair.slice(0, MAX_LISTED).map((m) => `- ${refText(m.from)} ↔ ${refText(m.to)}: ${m.basis} ${fixed(m.score, 3)}`),
    ...more(outcome.crossPair.length),
    `Matches read in ${outcome.readSeconds.toFixed(1)} s.`,
    ...failures(metrics.labels, outcome.observations),
  ];
}

function failures(labels: LabelResult[], observations: PairObservation[]): string[] {
  const wrong = observations.filter((o) => (o.pair.label === 'different') === (o.aSeenFromB !== null));
  if (wrong.length === 0 || labels.length === 0) return [];
  return [
    '',
    'Pairs that missed (positive labels not matched) or matched wrongly (`different` matched):',
    ...wrong.slice(0, MAX_LISTED).map((o) =>
      `- #${o.index} ${o.pair.label} ${o.pair.kind}: ${code(o.pair.a)} / ${code(o.pair.b)}` +
        (o.aSeenFromB ? ` matched ${o.aSeenFromB.basis} ${fixed(o.aSeenFromB.score, 3)}` : ' not matched'),
    ),
    ...more(wrong.length),
  ];
}

function supplierSection(outcome: SupplierOutcome): string[] {
  const results = supplierMetrics(outcome.observations);
  const rows = results.map((r) => [
    r.label,
    String(r.entries),
    String(r.top1),
    r.label === 'same' ? fixed(r.rate) : '—',
    r.label === 'different' ? percent(r.rate) : '—',
    r.label === 'same' ? String(r.inTop5) : '—',
    String(r.empty),
    r.label === 'same' ? `top-1 ≥ ${fixed(r.target.value)}` : `wrong top-1 ≤ ${percent(r.target.value)}`,
    yesNo(r.met),
  ]);
  const wrong = outcome.observations.filter((o) => (o.entry.label === 'same') !== (o.rank === 1));
  return [
    `Recorded ${outcome.suppliers} suppliers and ran ${outcome.observations.length} searches (\`suppliers(filter: {search}, first: 5)\`) in ${outcome.seconds.toFixed(1)} s.`,
    '',
    table(['label', 'queries', 'own supplier first', 'top-1 rate', 'wrong top-1 rate', 'in top 5', 'no candidates', 'target', 'met'], rows),
    ...(wrong.length > 0
      ? ['', 'Searches that missed (`same` not first) or ranked wrongly (`different` first):', ...wrong.slice(0, MAX_LISTED).map(searchText), ...more(wrong.length)]
      : []),
  ];
}

function searchText(o: SearchObservation): string {
  const got = o.results.length === 0 ? 'no candidates' : `first ${code(o.results[0].name)}`;
  return `- #${o.index} ${o.entry.label}: ${code(o.entry.query)} for ${code(o.entry.name)}: ${got}` +
    (o.rank !== null && o.rank > 1 ? `, own supplier at rank ${o.rank}` : '');
}

function targetText(target: Target): string {
  return target.measure === 'recall' ? `recall ≥ ${fixed(target.value)}` : `false matches ≤ ${percent(target.value)}`;
}

function refText(ref: ItemRef): string {
  return `#${ref.index}${ref.side} ${code(ref.reading)}`;
}

function more(count: number): string[] {
  return count > MAX_LISTED ? [`- ... and ${count - MAX_LISTED} more`] : [];
}
