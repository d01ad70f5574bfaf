import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Handling } from '../../components/Handling';
import { Empty, Loading, QueryError } from '../../components/status';
import { usePageTitle } from '../../layout/page-title';
import { SUPPLIER_SEARCH } from './supplier.queries';

/** Suppliers by name: a fuzzy search over names and aliases, best candidates first. */
export function SupplierSearchPage() {
  usePageTitle('Suppliers');
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const [draft, setDraft] = useState(search);
  const { data, error, refetch } = useQuery(SUPPLIER_SEARCH, { variables: { search }, skip: !search });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setParams(draft.trim() ? { search: draft.trim() } : {});
  };
  return (
    <>
      <h1>Suppliers</h1>
      <form className="card filters actions" role="search" onSubmit={submit}>
        <label>Name or alias<input value={draft} onChange={(e) => setDraft(e.target.value)} placeholder="anvora textile" /></label>
        <button type="submit">Search</button>
      </form>
      {!search ? <Empty>Legal forms, case and word order do not matter.</Empty>
        : error && !data ? <QueryError error={error} retry={() => void refetch()} />
          : !data ? <Loading what="suppliers" />
            : data.suppliers.edges.length === 0 ? <Empty>No supplier you may read is close to this name.</Empty> : (
              <div className="table-wrap">
                <table className="list">
                  <thead><tr><th scope="col">Name</th><th scope="col">Aliases</th><th scope="col">Role</th><th scope="col">Country</th><th scope="col">Recorded by</th><th scope="col">Handling</th></tr></thead>
                  <tbody>
                    {data.suppliers.edges.map(({ node }) => (
                      <tr key={node.id}>
                        <td><Link to={`/suppliers/${encodeURIComponent(node.id)}`}>{node.name}</Link></td>
                        <td>{node.aliases.join(', ')}</td>
                        <td>{node.role.toLowerCase().replace('_', ' ')}</td>
                        <td>{node.country ?? '—'}</td>
                        <td>{node.recordedBy.code}</td>
                        <td><Handling code={node.handling} /></td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
    </>
  );
}
