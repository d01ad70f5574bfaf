import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import type { ItemKind, SeizureFilter } from '../../../generated/schema-types';
import { localInputToIso } from '../../format/dates';
import { ITEM_KINDS, KIND_LABELS } from '../../format/labels';
import { usePageTitle } from '../../layout/page-title';
import { SeizureTable } from './SeizureTable';

const list = (text: string | null) => (text ?? '').split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);

/** The filter lives in the URL, so a search can be bookmarked, shared and gone back to. */
function filterOf(params: URLSearchParams): SeizureFilter {
  const filter: SeizureFilter = {};
  if (params.get('reference')) filter.reference = params.get('reference');
  if (list(params.get('jurisdiction')).length) filter.jurisdiction = list(params.get('jurisdiction'));
  if (list(params.get('agency')).length) filter.agency = list(params.get('agency'));
  if (params.getAll('kind').length) filter.itemKind = params.getAll('kind') as ItemKind[];
  const from = localInputToIso(params.get('from') ?? '');
  const to = localInputToIso(params.get('to') ?? '');
  if (from) filter.seizedFrom = from;
  if (to) filter.seizedTo = to;
  return filter;
}

export function SeizureSearchPage() {
  usePageTitle('Search seizures');
  const [params, setParams] = useSearchParams();
  const [draft, setDraft] = useState(() => ({
    reference: params.get('reference') ?? '', jurisdiction: params.get('jurisdiction') ?? '', agency: params.get('agency') ?? '',
    from: params.get('from') ?? '', to: params.get('to') ?? '', kinds: params.getAll('kind'),
  }));
  const searched = params.toString() !== '';

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of ['reference', 'jurisdiction', 'agency', 'from', 'to'] as const) if (draft[key].trim()) next.set(key, draft[key].trim());
    for (const kind of draft.kinds) next.append('kind', kind);
    next.set('q', '1');
    setParams(next);
  }

  const toggleKind = (kind: string) => setDraft((d) => ({ ...d, kinds: d.kinds.includes(kind) ? d.kinds.filter((k) => k !== kind) : [...d.kinds, kind] }));

  return (
    <>
      <h1>Search seizures</h1>
      <form className="card filters" onSubmit={submit} role="search" aria-label="Seizure filters">
        <div className="grid">
          <label>Reference<input value={draft.reference} onChange={(e) => setDraft({ ...draft, reference: e.target.value })} /></label>
          <label>Jurisdictions<input value={draft.jurisdiction} placeholder="FR, BE" onChange={(e) => setDraft({ ...draft, jurisdiction: e.target.value })} /></label>
          <label>Agencies<input value={draft.agency} placeholder="FR-PAF" onChange={(e) => setDraft({ ...draft, agency: e.target.value })} /></label>
          <label>Seized from<input type="datetime-local" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
          <label>Seized to<input type="datetime-local" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
        </div>
        <fieldset className="kinds">
          <legend>Holding items of kind</legend>
          {ITEM_KINDS.map((kind) => (
            <label key={kind} className="check">
              <input type="checkbox" checked={draft.kinds.includes(kind)} onChange={() => toggleKind(kind)} /> {KIND_LABELS[kind]}
            </label>
          ))}
        </fieldset>
        <button type="submit">Search</button>
      </form>
      {searched ? <SeizureTable filter={filterOf(params)} emptyText="No seizure you may read matches these filters." />
        : <p className="empty">Set filters and search; every filter given must hold.</p>}
    </>
  );
}
