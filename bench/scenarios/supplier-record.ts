import { toGlobalId } from '../../src/graphql/relay/global-id';
import { validateSupplier } from '../../src/modules/supplier/supplier.validation';
import { Problems } from '../../src/shared/domain-error';
import { LAYER_DIGIT, type Layer, type Scenario } from './scenario';
import { auditSuccess, placeholders, type SqlWork } from './sql-session';

/** An identifier of a supplier in the dataset, as another agency recorded it. */
export interface KnownPartyIdentifier {
  scheme: string;
  value: string;
}

export type SightingVariant = 'sighted' | 'unsighted';

/** Names of the suppliers the benchmark records live; deleted (with their sightings) before each run. */
export const LIVE_SUPPLIER_PREFIX = 'BENCH-LIVE-';

const MUTATION = `mutation Record($input: SupplierCreateInput!) {
  supplierCreate(input: $input) { supplier { id name identifiers { scheme normalised } } userErrors { code message field } }
}`;

/**
 * Recording a supplier with three identifiers. `sighted`: identifiers other agencies' suppliers
 * hold, so each is sighted; `unsighted`: identifiers nobody holds, so the sighting index is
 * searched and finds nothing. The difference is what finding sightings costs a write.
 */
export function supplierRecord(variant: SightingVariant, runId: string, known: KnownPartyIdentifier[]): Scenario {
  return {
    name: `supplier-record-${variant}`,
    title: `supplierCreate, 3 identifiers ${variant === 'sighted' ? 'held by other agencies' : 'held by nobody'}`,
    params(n: number, layer: Layer) {
      const digit = LAYER_DIGIT[layer];
      const identifiers = variant === 'sighted' ? sightedIdentifiers(known, n, digit) : unsightedIdentifiers(runId, digit, n);
      return { input: { name: `${LIVE_SUPPLIER_PREFIX}${runId}-${variant}-${digit}-${n}`, role: 'ONLINE_SELLER', country: 'DE', identifiers } };
    },
    graphql: (params) => ({ query: MUTATION, variables: params }),
    succeeded: (body) => body.includes('"userErrors":[]'),
    baseline: 'supplier-record',
  };
}

/** Each layer draws from its own third of the known identifiers, three consecutive ones per request. */
function sightedIdentifiers(known: KnownPartyIdentifier[], n: number, layer: number) {
  const third = Math.max(3, Math.floor(known.length / 3));
  return [0, 1, 2].map((i) => known[((layer - 1) * third + ((n * 3 + i) % third)) % known.length]);
}

/** Identifiers unique to the run, layer and request: an e-mail under .example, a reserved-range mobile, a hawala code. */
function unsightedIdentifiers(runId: string, layer: number, n: number) {
  const serial = String(n % 100000).padStart(5, '0');
  return [
    { scheme: 'EMAIL', value: `bench-${runId}-${layer}-${n}@unsighted.example` },
    { scheme: 'PHONE', value: `+44 7700 9${layer}${serial.slice(1)}` },
    { scheme: 'HAWALA_CODE', value: `QX-${runId.slice(-6)}-${layer}-${n}` },
  ];
}

/**
 * The statements the registry sends for supplierCreate, as plain SQL: savepoint, the supplier
 * (RETURNING its id), its identifiers, sighting_link, the supplier read back, its identifiers
 * read, the audit event. Validation is the service's own.
 */
export const supplierRecordSql: SqlWork = async (session, { input }) => {
  const problems = new Problems();
  const agency = session.caller.agency!;
  const draft = validateSupplier(input, problems, agency.jurisdiction);
  if (problems.any) return { supplier: null, userErrors: [{ code: 'INVALID_INPUT' }] };
  await session.query('SAVEPOINT record');
  const [{ id }] = await session.query(
    `INSERT INTO supplier (agency_id, name, aliases, role, country, search_text, handling, shared_with, recorded_by, client_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING RETURNING id`,
    [agency.id, draft.name, draft.aliases, draft.role, draft.country, draft.searchText, draft.handling, [], session.caller.subject, null],
  );
  const rows = draft.identifiers.map((identifier, i) => [id, i + 1, agency.id, identifier.scheme, identifier.value, identifier.valueKey]);
  await session.query(
    `INSERT INTO supplier_identifier (supplier_id, position, agency_id, scheme, value, value_key) VALUES ${placeholders(rows.length, 6)}`,
    rows.flat(),
  );
  await session.query(`SELECT sighting_link('SUPPLIER', ARRAY[CAST($1 AS uuid)])`, [id]);
  await session.query('RELEASE SAVEPOINT record');
  const [supplier] = await session.query('SELECT id, name FROM supplier WHERE id = $1', [id]);
  const identifiers = await session.query('SELECT scheme, value_key AS normalised FROM supplier_identifier WHERE supplier_id = $1 ORDER BY position', [id]);
  await auditSuccess(session, 'supplierCreate', 'Supplier', id);
  return { supplier: { id: toGlobalId('Supplier', supplier.id), name: supplier.name, identifiers }, userErrors: [] };
};
