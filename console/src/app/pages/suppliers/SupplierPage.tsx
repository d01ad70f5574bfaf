import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { hasRole, useViewer } from '../../auth/viewer-context';
import { DateTime } from '../../components/DateTime';
import { Handling } from '../../components/Handling';
import { Empty, Loading, QueryError } from '../../components/status';
import { usePageTitle } from '../../layout/page-title';
import { SUPPLIER_CANDIDATES, SUPPLIER_MERGE, SUPPLIER_PAGE, SUPPLIER_UNMERGE } from './supplier.queries';

/** A supplier, the suppliers merged into it (unmerge), and candidates that may be the same party (merge). */
export function SupplierPage() {
  const { id = '' } = useParams();
  const viewer = useViewer();
  const analyst = hasRole(viewer, 'ANALYST');
  const { data, error, refetch } = useQuery(SUPPLIER_PAGE, { variables: { id } });
  const supplier = data?.supplier;
  usePageTitle(supplier ? `Supplier ${supplier.name}` : 'Supplier');
  const candidates = useQuery(SUPPLIER_CANDIDATES, {
    skip: !supplier,
    variables: { input: { name: supplier?.name ?? '', aliases: supplier?.aliases ?? [], country: supplier?.country ?? null,
      identifiers: (supplier?.identifiers ?? []).map(({ scheme, value }) => ({ scheme, value })) } },
  });
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const refetchQueries = ['SupplierPage', 'SupplierCandidates', 'SupplierSearch'];
  const [merge, merging] = useMutation(SUPPLIER_MERGE, { refetchQueries });
  const [unmerge, unmerging] = useMutation(SUPPLIER_UNMERGE, { refetchQueries });

  if (error && !data) return <QueryError error={error} retry={() => void refetch()} />;
  if (!data) return <Loading what="the supplier" />;
  if (!supplier) return <Empty>No such supplier, or you may not read it.</Empty>;

  const doMerge = async (mergedId: string, name: string) => {
    const result = await merge({ variables: { input: { survivorId: supplier.id, mergedId } } }).catch(() => null);
    const problem = result?.data?.supplierMerge.userErrors[0]?.message;
    setMessage(result?.data?.supplierMerge.supplier ? { ok: true, text: `${name} merged into ${supplier.name}.` } : { ok: false, text: problem ?? 'The merge could not be made. Try again.' });
  };
  const doUnmerge = async (mergedId: string, name: string) => {
    const result = await unmerge({ variables: { input: { mergedId } } }).catch(() => null);
    const problem = result?.data?.supplierUnmerge.userErrors[0]?.message;
    setMessage(result?.data?.supplierUnmerge.supplier ? { ok: true, text: `${name} restored as a supplier of its own.` } : { ok: false, text: problem ?? 'The unmerge could not be made. Try again.' });
  };
  const others = (candidates.data?.supplierCandidates ?? []).filter((c) => c.supplier.id !== supplier.id && !supplier.mergedSuppliers.some((m) => m.id === c.supplier.id));

  return (
    <>
      <h1>Supplier {supplier.name}</h1>
      {message && <p className={`notice ${message.ok ? 'notice-success' : 'notice-error'}`} role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      <dl className="facts card">
        <dt>Role</dt><dd>{supplier.role.toLowerCase().replace('_', ' ')}</dd>
        <dt>Country</dt><dd>{supplier.country ?? '—'}</dd>
        <dt>Aliases</dt><dd>{supplier.aliases.join(', ') || '—'}</dd>
        <dt>Identifiers</dt><dd>{supplier.identifiers.map((i) => `${i.scheme} ${i.value}`).join(' · ') || '—'}</dd>
        <dt>Recorded by</dt><dd>{supplier.recordedBy.name} ({supplier.recordedBy.code}), <DateTime value={supplier.recordedAt} /></dd>
        <dt>Handling</dt><dd><Handling code={supplier.handling} /></dd>
      </dl>
      <h2>Merged into this supplier</h2>
      {supplier.mergedSuppliers.length === 0 ? <Empty>None.</Empty> : (
        <ul>
          {supplier.mergedSuppliers.map((m) => (
            <li key={m.id}>{m.name} ({m.country ?? '—'}, {m.recordedBy.code}){' '}
              {analyst && <button type="button" className="small secondary" disabled={unmerging.loading} onClick={() => void doUnmerge(m.id, m.name)}>Unmerge {m.name}</button>}
            </li>
          ))}
        </ul>
      )}
      <h2>Candidates: the same party under another name?</h2>
      {candidates.error && !candidates.data ? <QueryError error={candidates.error} retry={() => void candidates.refetch()} />
        : !candidates.data ? <Loading what="candidates" />
          : others.length === 0 ? <Empty>No candidate above the threshold.</Empty> : (
            <div className="table-wrap">
              <table className="list">
                <thead><tr><th scope="col">Candidate</th><th scope="col">Score</th><th scope="col">Why</th><th scope="col">Recorded by</th>{analyst && <th scope="col">Merge</th>}</tr></thead>
                <tbody>
                  {others.map((c) => (
                    <tr key={c.supplier.id}>
                      <td><Link to={`/suppliers/${encodeURIComponent(c.supplier.id)}`}>{c.supplier.name}</Link> ({c.supplier.country ?? '—'})</td>
                      <td>{Math.round(c.score * 100)}%</td>
                      <td>{c.reasons.join('; ')}</td>
                      <td>{c.supplier.recordedBy.code} <Handling code={c.supplier.handling} /></td>
                      {analyst && <td><button type="button" className="small" disabled={merging.loading} onClick={() => void doMerge(c.supplier.id, c.supplier.name)}>Merge into {supplier.name}</button></td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
    </>
  );
}
