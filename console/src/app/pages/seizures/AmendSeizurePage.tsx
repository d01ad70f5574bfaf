import { gql, type TypedDocumentNode } from '@apollo/client';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { SeizureUpdateMutation, SeizureUpdateMutationVariables } from '../../../generated/operations';
import type { HandlingCode } from '../../../generated/schema-types';
import { SelectField, TextAreaField, TextField } from '../../components/Field';
import { Empty, Loading, QueryError } from '../../components/status';
import { localInputToIso, localTimeZone, toLocalInputValue } from '../../format/dates';
import { registryUnavailable } from '../../graphql/registry-unavailable';
import { HANDLING_CODES, HANDLING_HELP, handlingLabel } from '../../format/labels';
import { usePageTitle } from '../../layout/page-title';
import { errorsByField } from '../record/seizure-form';
import { SEIZURE_PAGE } from './seizure.queries';

const SEIZURE_UPDATE: TypedDocumentNode<SeizureUpdateMutation, SeizureUpdateMutationVariables> = gql`
  mutation SeizureUpdate($input: SeizureUpdateInput!) {
    seizureUpdate(input: $input) {
      seizure { id version seizedAt jurisdiction handling notes location { description latitude longitude } updatedAt }
      userErrors { code message field }
    }
  }
`;

/**
 * What to tell someone whose amendment got no answer. A 503 changed nothing. A lost answer may
 * have been saved: saving again is then refused as a changed version, never applied twice.
 */
function amendmentFailure(failure: unknown): string {
  const why = registryUnavailable(failure);
  if (why?.kind === 'busy') {
    return `The registry is busy: its database could not serve the request (HTTP 503), so nothing was changed. Save again in a moment.${why.requestId ? ` Request id (for support): ${why.requestId}` : ''}`;
  }
  if (why?.kind === 'unreachable') {
    return 'The registry could not be reached, or its answer was lost on the way: the amendment may not have been saved. Save again; if it was saved, the registry says the seizure has changed and you can reload it.';
  }
  return CombinedGraphQLErrors.is(failure) ? failure.errors.map((e) => e.message).join('; ') : 'The amendment was not saved.';
}

/** Amending a seizure of one's own agency, against the version read (a stale one is refused with CONFLICT). */
export function AmendSeizurePage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, error, refetch } = useQuery(SEIZURE_PAGE, { variables: { id }, fetchPolicy: 'network-only' });
  const seizure = data?.seizure;
  usePageTitle(seizure ? `Amend ${seizure.reference}` : 'Amend seizure');
  const [draft, setDraft] = useState<null | { seizedAt: string; jurisdiction: string; location: string; handling: HandlingCode; notes: string }>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [update, { loading }] = useMutation(SEIZURE_UPDATE);
  if (error && !data) return <QueryError error={error} retry={() => void refetch()} />;
  if (!data) return <Loading what="the seizure" />;
  if (!seizure) return <Empty>No such seizure, or you may not read it.</Empty>;
  const form = draft ?? {
    seizedAt: toLocalInputValue(new Date(seizure.seizedAt)), jurisdiction: seizure.jurisdiction,
    location: seizure.location?.description ?? '', handling: seizure.handling, notes: seizure.notes ?? '',
  };
  const set = (patch: Partial<typeof form>) => setDraft({ ...form, ...patch });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!seizure) return;
    try {
      const result = await update({ variables: { input: {
        id: seizure.id, version: seizure.version, seizedAt: localInputToIso(form.seizedAt), jurisdiction: form.jurisdiction || null,
        location: { description: form.location.trim() || null, latitude: seizure.location?.latitude ?? null, longitude: seizure.location?.longitude ?? null },
        handling: form.handling, notes: form.notes,
      } } });
      const payload = result.data?.seizureUpdate;
      if (payload && payload.userErrors.length === 0) return navigate(`/seizures/${encodeURIComponent(seizure.id)}`);
      setErrors(errorsByField(payload?.userErrors ?? [{ message: 'The amendment was not saved.' }]));
    } catch (failure) {
      setErrors({ '': amendmentFailure(failure) });
    }
  }

  return (
    <>
      <h1>Amend seizure {seizure.reference}</h1>
      {errors[''] && <p className="notice notice-error" role="alert">{errors['']}</p>}
      {errors.version && <p className="notice notice-error" role="alert">{errors.version} <button type="button" className="small" onClick={() => { setDraft(null); setErrors({}); void refetch(); }}>Reload the latest version</button></p>}
      <form className="card" onSubmit={submit} noValidate>
        <div className="grid">
          <TextField label="Seized at" type="datetime-local" value={form.seizedAt} error={errors.seizedAt} help={`Your time zone: ${localTimeZone()}`} onChange={(e) => set({ seizedAt: e.target.value })} />
          <TextField label="Jurisdiction" value={form.jurisdiction} maxLength={2} error={errors.jurisdiction} onChange={(e) => set({ jurisdiction: e.target.value.toUpperCase() })} />
          <TextField label="Location" value={form.location} error={errors['location.description']} onChange={(e) => set({ location: e.target.value })} />
          <SelectField label="Handling" value={form.handling} error={errors.handling} help={HANDLING_HELP[form.handling]}
            options={HANDLING_CODES.map((c) => [c, handlingLabel(c)])} onChange={(e) => set({ handling: e.target.value as HandlingCode })} />
        </div>
        <TextAreaField label="Notes" rows={4} value={form.notes} error={errors.notes} onChange={(e) => set({ notes: e.target.value })} />
        <div className="actions"><button type="submit" disabled={loading}>{loading ? 'Saving…' : 'Save amendment'}</button></div>
      </form>
    </>
  );
}
