import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { useViewer } from '../../auth/viewer-context';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { localTimeZone, offsetLabel } from '../../format/dates';
import { registryUnavailable, type RegistryUnavailable } from '../../graphql/registry-unavailable';
import { HANDLING_CODES, HANDLING_HELP, handlingLabel } from '../../format/labels';
import { usePageTitle } from '../../layout/page-title';
import { ItemLineFields } from './ItemLineFields';
import { AGENCIES, SEIZURE_RECORD } from './record.queries';
import { RetryNotice } from './RetryNotice';
import { errorsByField, newItemLine, newSeizureForm, toRecordInput, type ItemLine, type SeizureForm } from './seizure-form';

/** Recording a seizure: fast entry from the keyboard, the API's own messages at the fields they name, safe retries. */
export function RecordSeizurePage() {
  usePageTitle('Record a seizure');
  const viewer = useViewer();
  const navigate = useNavigate();
  const agencies = useQuery(AGENCIES, { fetchPolicy: 'cache-first' });
  const [form, setForm] = useState<SeizureForm>(newSeizureForm);
  // One key per form, reused on every retry: the registry stores the seizure once and answers a
  // repeat with the seizure first recorded.
  const [clientKey] = useState(() => crypto.randomUUID());
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Kept until an answer comes, so the notice (and its Retry button, which may hold focus) stays while retrying.
  const [unavailable, setUnavailable] = useState<RegistryUnavailable | null>(null);
  const [record, { loading }] = useMutation(SEIZURE_RECORD, {
    // Lists of seizures are merged page by page in the cache: drop them, so they are read again with the new one.
    update(cache, result) {
      if (!result.data?.seizureRecord.seizure) return;
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'seizures' });
      cache.gc();
    },
  });

  const set = (patch: Partial<SeizureForm>) => setForm((f) => ({ ...f, ...patch }));
  const setLine = (index: number, patch: Partial<ItemLine>) => setForm((f) => ({ ...f, items: f.items.map((l, i) => (i === index ? { ...l, ...patch } : l)) }));
  const focusLine = (index: number) => requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-line="${index}"] select, [data-line="${index}"] input`)?.focus());
  const addLine = () => {
    setForm((f) => ({ ...f, items: [...f.items, newItemLine(f.items[f.items.length - 1]?.kind)] }));
    focusLine(form.items.length);
  };
  const removeLine = (index: number) => {
    if (form.items.length <= 1) return;
    setForm((f) => ({ ...f, items: f.items.filter((_, i) => i !== index) }));
    focusLine(Math.max(0, index - 1));
  };

  /** After a refusal: focus the first field in error, or the first message naming no field. */
  const focusFirstError = () => requestAnimationFrame(() =>
    document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus() ?? document.querySelector<HTMLElement>('[data-refusal]')?.focus());

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (loading) return;
    try {
      const result = await record({ variables: { input: toRecordInput(form, clientKey) } });
      const payload = result.data?.seizureRecord;
      if (!payload) return setUnavailable({ kind: 'unreachable' });
      setUnavailable(null);
      // A retry of a call that was stored after all answers the first seizure under the same key.
      const repeat = payload.userErrors.every((e) => e.code === 'DUPLICATE_REFERENCE' && e.field?.join('.') === 'input.clientKey');
      if (payload.seizure && (payload.userErrors.length === 0 || repeat)) {
        navigate(`/seizures/${encodeURIComponent(payload.seizure.id)}`, { state: { recorded: true } });
        return;
      }
      setErrors(errorsByField(payload.userErrors));
      focusFirstError();
    } catch (error) {
      // A 503 SERVICE_UNAVAILABLE or no answer: keep everything and offer the retry. Other
      // GraphQL errors (a malformed date or country) are about the input.
      const why = registryUnavailable(error);
      setUnavailable(why);
      if (!why) {
        setErrors({ '': (error as { errors?: Array<{ message: string }> }).errors?.map((e) => e.message).join(' ') ?? String(error) });
        focusFirstError();
      }
    }
  }

  function shortcuts(event: KeyboardEvent) {
    if (!event.altKey) return;
    const line = Number((event.target as HTMLElement).closest<HTMLElement>('[data-line]')?.dataset.line ?? -1);
    // event.code too: on a Mac, Alt+N types a dead key rather than "n".
    if (event.key.toLowerCase() === 'n' || event.code === 'KeyN') {
      event.preventDefault();
      addLine();
    } else if (event.key === 'Backspace' && line >= 0) {
      event.preventDefault();
      removeLine(line);
    }
  }

  const others = (agencies.data?.agencies ?? []).filter((a) => a.id !== viewer.agency?.id);
  const general = errors[''];
  const refusals = Object.keys(errors).length;
  return (
    <>
      <h1>Record a seizure</h1>
      <p className="help">Shortcuts: <kbd>Alt</kbd>+<kbd>N</kbd> adds an item line, <kbd>Alt</kbd>+<kbd>Backspace</kbd> removes the line you are in, <kbd>Enter</kbd> in a field records.</p>
      {unavailable && <RetryNotice why={unavailable} retrying={loading} onRetry={() => void submit()} />}
      {refusals > 0 && (
        <p className="notice notice-error" role="alert" tabIndex={-1} data-refusal={general ? '' : undefined}>
          {general ?? `The registry refused the seizure: ${refusals === 1 ? 'one problem, shown at its field' : `${refusals} problems, shown at their fields`}. Nothing was stored.`}
        </p>
      )}
      <form onSubmit={submit} onKeyDown={shortcuts} noValidate aria-label="New seizure">
        <fieldset className="card">
          <legend>Seizure</legend>
          <div className="grid">
            <TextField label="Reference" required value={form.reference} error={errors.reference} autoFocus onChange={(e) => set({ reference: e.target.value })} />
            <TextField label="Seized at" type="datetime-local" required value={form.seizedAt} error={errors.seizedAt}
              help={`Your time zone: ${localTimeZone()} (${offsetLabel(new Date(form.seizedAt || Date.now()))})`} onChange={(e) => set({ seizedAt: e.target.value })} />
            <TextField label="Jurisdiction" value={form.jurisdiction} error={errors.jurisdiction} maxLength={2} placeholder={viewer.agency?.jurisdiction ?? ''}
              help="Country code; empty: your agency's" onChange={(e) => set({ jurisdiction: e.target.value.toUpperCase() })} />
            <TextField label="Location" value={form.locationDescription} error={errors['location.description']} onChange={(e) => set({ locationDescription: e.target.value })} />
            <TextField label="Latitude" type="number" step="any" value={form.latitude} error={errors['location.latitude']} onChange={(e) => set({ latitude: e.target.value })} />
            <TextField label="Longitude" type="number" step="any" value={form.longitude} error={errors['location.longitude']} onChange={(e) => set({ longitude: e.target.value })} />
            <SelectField label="Handling" value={form.handling} error={errors.handling} help={HANDLING_HELP[form.handling]}
              options={HANDLING_CODES.map((c) => [c, handlingLabel(c)])} onChange={(e) => set({ handling: e.target.value as SeizureForm['handling'] })} />
          </div>
          {form.handling === 'TLP_AMBER' && (
            <fieldset className="kinds">
              <legend>Shared with</legend>
              {others.map((a) => (
                <label key={a.id} className="check">
                  <input type="checkbox" checked={form.sharedWith.includes(a.code)}
                    onChange={() => set({ sharedWith: form.sharedWith.includes(a.code) ? form.sharedWith.filter((c) => c !== a.code) : [...form.sharedWith, a.code] })} />
                  {a.code} <span className="help">{a.name}</span>
                </label>
              ))}
              {errors.sharedWith && <p className="field-error" tabIndex={-1} data-refusal="">{errors.sharedWith}</p>}
            </fieldset>
          )}
          <TextAreaField label="Notes" rows={3} value={form.notes} error={errors.notes} onChange={(e) => set({ notes: e.target.value })} />
        </fieldset>
        <h2>Items</h2>
        {errors.items && <p className="field-error" tabIndex={-1} data-refusal="">{errors.items}</p>}
        {form.items.map((line, index) => (
          <ItemLineFields key={line.key} line={line} index={index} errors={errors} canRemove={form.items.length > 1}
            onChange={(patch) => setLine(index, patch)} onRemove={() => removeLine(index)} />
        ))}
        <div className="actions">
          <button type="button" className="secondary" onClick={addLine}>Add item line</button>
          <button type="submit" disabled={loading}>{loading ? 'Recording…' : 'Record seizure'}</button>
        </div>
      </form>
    </>
  );
}
