import { toGlobalId } from '../../src/graphql/relay/global-id';
import { identifierKey } from '../../src/modules/supplier/party-identifiers';
import { IdentifierScheme } from '../../src/modules/supplier/supplier.enums';
import { LAYER_DIGIT, type Layer, type Scenario } from './scenario';
import { auditSuccess, placeholders, type SqlWork } from './sql-session';

/** Readable parties of the dataset a hawala payment is recorded between. */
export interface MoneyParties {
  buyers: string[];
  brokers: string[];
  sellers: string[];
}

/** References of the payments the benchmark records live; deleted (with their sightings) before each run. */
export const LIVE_PAYMENT_PREFIX = 'BENCH-LIVE-';

const MUTATION = `mutation Record($input: PaymentRecordInput!) {
  paymentRecord(input: $input) {
    payment { id method amount { amount currency } reference payer { id name } brokers { id name } payee { id name } }
    userErrors { code message field }
  }
}`;

/**
 * Recording a hawala payment from a buyer through two brokers to a seller, each request with
 * its own reference (sought in the sightings index, found nowhere).
 */
export function paymentRecord(runId: string, parties: MoneyParties): Scenario {
  return {
    name: 'payment-record',
    title: 'paymentRecord, a buyer through 2 brokers to a seller',
    params(n: number, layer: Layer) {
      const pick = (list: string[], shift: number) => list[(n * 3 + shift) % list.length];
      const brokers = [pick(parties.brokers, 0), pick(parties.brokers, 1)];
      return {
        input: {
          payerId: pick(parties.buyers, 0), brokerIds: brokers, payeeId: pick(parties.sellers, 0),
          method: 'HAWALA', amount: { amount: '2450.5', currency: 'EUR' }, paidAt: new Date(Date.now() - 86_400_000).toISOString(),
          fromCountry: 'DE', toCountry: 'IQ', reference: `${LIVE_PAYMENT_PREFIX}${runId}-${LAYER_DIGIT[layer]}-${n}`,
        },
      };
    },
    graphql: ({ input }) => ({
      query: MUTATION,
      variables: {
        input: {
          ...input, payerId: toGlobalId('Supplier', input.payerId), payeeId: toGlobalId('Supplier', input.payeeId),
          brokerIds: input.brokerIds.map((id: string) => toGlobalId('Supplier', id)),
        },
      },
    }),
    succeeded: (body) => body.includes('"userErrors":[]'),
    baseline: 'payment-record',
  };
}

/**
 * The statements the registry sends for paymentRecord, as plain SQL: savepoint, the parties
 * read under the caller's visibility, the payment (RETURNING its id), its chain of parties,
 * sighting_link, the payment and its parties read back, the audit event.
 */
export const paymentRecordSql: SqlWork = async (session, { input }) => {
  const agency = session.caller.agency!;
  const chain: string[] = [input.payerId, ...input.brokerIds, input.payeeId];
  await session.query('SAVEPOINT record');
  const visible = session.readable('sup', 2);
  const found = await session.query(`SELECT sup.id FROM supplier sup WHERE sup.id = ANY($1) AND ${visible.clause}`, [chain, ...visible.values]);
  if (found.length !== new Set(chain).size) return { payment: null, userErrors: [{ code: 'NOT_FOUND' }] };
  const key = identifierKey(IdentifierScheme.HAWALA_CODE, input.reference, null);
  const [{ id }] = await session.query(
    `INSERT INTO payment (agency_id, payer_id, payee_id, broker_count, method, amount, currency, paid_at, from_country, to_country,
                          reference, reference_key, handling, shared_with, recorded_by, client_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'TLP_GREEN', '{}', $13, NULL) ON CONFLICT DO NOTHING RETURNING id`,
    [agency.id, input.payerId, input.payeeId, input.brokerIds.length, input.method, input.amount.amount, input.amount.currency, input.paidAt,
      input.fromCountry, input.toCountry, input.reference, key.ok ? key.key : null, session.caller.subject],
  );
  const rows = chain.map((supplierId, position) => [id, position, supplierId, agency.id]);
  await session.query(`INSERT INTO payment_party (payment_id, position, supplier_id, agency_id) VALUES ${placeholders(rows.length, 4)}`, rows.flat());
  await session.query(`SELECT sighting_link('PAYMENT', ARRAY[CAST($1 AS uuid)])`, [id]);
  await session.query('RELEASE SAVEPOINT record');
  const [payment] = await session.query('SELECT id, method, CAST(amount AS text) AS amount, currency, reference FROM payment WHERE id = $1', [id]);
  const parties = await session.query(
    `SELECT sup.id, sup.name, pp.position FROM payment_party pp JOIN supplier sup ON sup.id = pp.supplier_id WHERE pp.payment_id = $1 ORDER BY pp.position`,
    [id],
  );
  await auditSuccess(session, 'paymentRecord', 'Payment', id);
  const named = (row: { id: string; name: string }) => ({ id: toGlobalId('Supplier', row.id), name: row.name });
  return {
    payment: {
      id: toGlobalId('Payment', payment.id), method: payment.method, amount: { amount: payment.amount, currency: payment.currency }, reference: payment.reference,
      payer: named(parties[0]), brokers: parties.slice(1, -1).map(named), payee: named(parties[parties.length - 1]),
    },
    userErrors: [],
  };
};
