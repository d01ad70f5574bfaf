import type { ClientBase } from 'pg';
import { BENCH_AGENCY } from '../generate/agencies';
import type { KnownIdentity } from './seizure-record';
import type { MoneyParties } from './payment-record';
import type { KnownPartyIdentifier } from './supplier-record';

export interface Samples {
  /** Items sold to smugglers by a known seller: where supplyChain starts. */
  supplyChainItems: string[];
  /** Identifiers that have matches, written as an officer might type them. */
  lookupIdentifiers: string[];
  /** Seizures the caller may read (database ids): what seizureLookup asks for. */
  readableSeizures: string[];
  /** Identifiers already recorded, per kind, for seizureRecord with matches. */
  known: Record<KnownIdentity['kind'], KnownIdentity[]>;
  /** Identifiers of readable suppliers, as recorded, for supplierCreate with sightings. */
  partyIdentifiers: KnownPartyIdentifier[];
  /** Readable buyers, brokers and sellers, for paymentRecord; the buyers that paid start moneyTrail following the money. */
  moneyParties: MoneyParties;
  /** Readable sellers paid by hawala: where moneyTrail towards the payers starts. */
  hawalaPayees: string[];
  /** Texts of readable adverts of other agencies than the benchmark's caller's, for advertRecord to repost. */
  advertTexts: string[];
}

// Community-readable records: what the benchmark's caller (an agency like any other) can read.
const READABLE = `IN ('TLP_CLEAR', 'TLP_GREEN')`;
const FIELD = { ENGINE: ['serialNumber', 'serial_number'], BOAT: ['hin', 'hin'], LIFE_JACKET: ['batchNumber', 'batch_number'] } as const;

/** "6G51234567" as "6g51 2345 67": the same identifier after normalisation. */
const typedLoosely = (key: string) => key.toLowerCase().replace(/(.{4})(?=.)/g, '$1 ');

/**
 * Request inputs drawn from the loaded dataset, deterministically (in id order, and ids come
 * from the seeded generator), so two runs on one dataset send the same requests.
 */
export async function drawSamples(client: ClientBase, count: number): Promise<Samples> {
  const items = await client.query<{ item_id: string }>(
    `SELECT mi.item_id FROM movement_item mi
       JOIN movement m ON m.id = mi.movement_id
       JOIN item i ON i.id = mi.item_id
       JOIN seizure s ON s.id = i.seizure_id
      WHERE m.to_supplier_id IS NULL AND m.handling ${READABLE} AND s.handling ${READABLE}
      ORDER BY mi.item_id LIMIT $1`,
    [count],
  );
  const keys = await client.query<{ key: string }>(
    `SELECT k.key FROM identifier_key k JOIN seizure s ON s.id = k.seizure_id
      WHERE NOT k.has_wildcards AND s.handling ${READABLE}
        AND EXISTS (SELECT 1 FROM item_match m WHERE m.item_a = k.item_id OR m.item_b = k.item_id)
      ORDER BY k.item_id LIMIT $1`,
    [count],
  );
  const seizures = await client.query<{ id: string }>(`SELECT s.id FROM seizure s WHERE s.handling ${READABLE} ORDER BY s.id LIMIT $1`, [count]);
  const known = {} as Samples['known'];
  for (const kind of Object.keys(FIELD) as Array<KnownIdentity['kind']>) {
    const [field, column] = FIELD[kind];
    const { rows } = await client.query<{ make: string | null; model: string | null; value: string }>(
      `SELECT i.make, i.model, i.${column} AS value FROM item i JOIN seizure s ON s.id = i.seizure_id
        WHERE i.kind = $1 AND NOT i.mark_damaged AND i.${column} IS NOT NULL AND s.handling ${READABLE}
        ORDER BY i.id LIMIT $2`,
      [kind, count * 20],
    );
    known[kind] = rows.map((row) => ({ kind, field, ...row }));
  }
  const parties = await client.query<KnownPartyIdentifier>(
    `SELECT si.scheme, si.value FROM supplier_identifier si JOIN supplier p ON p.id = si.supplier_id
      WHERE p.handling ${READABLE} ORDER BY si.supplier_id, si.position LIMIT $1`,
    [count * 20],
  );
  const ofRole = async (role: string, extra = '') => (await client.query<{ id: string }>(
    `SELECT p.id FROM supplier p WHERE p.role = $1 AND p.handling ${READABLE} ${extra} ORDER BY p.id LIMIT $2`, [role, count],
  )).rows.map((r) => r.id);
  const payees = await client.query<{ id: string }>(
    `SELECT DISTINCT p.payee_id AS id FROM payment p JOIN supplier s ON s.id = p.payee_id
      WHERE p.method = 'HAWALA' AND p.handling ${READABLE} AND s.handling ${READABLE} ORDER BY 1 LIMIT $1`,
    [count],
  );
  const moneyParties = {
    buyers: await ofRole('BUYER', 'AND EXISTS (SELECT 1 FROM payment_party pp WHERE pp.supplier_id = p.id AND pp.position = 0)'),
    brokers: await ofRole('MONEY_BROKER'),
    sellers: await ofRole('ONLINE_SELLER'),
  };
  const adverts = await client.query<{ text: string }>(
    `SELECT a.text FROM advert a JOIN advert_text t ON t.advert_id = a.id JOIN agency g ON g.id = a.agency_id
      WHERE a.handling ${READABLE} AND g.code <> $2 AND t.fold IS NOT NULL ORDER BY a.id LIMIT $1`,
    [count, BENCH_AGENCY],
  );
  const samples = {
    supplyChainItems: items.rows.map((r) => r.item_id), lookupIdentifiers: keys.rows.map((r) => typedLoosely(r.key)),
    readableSeizures: seizures.rows.map((r) => r.id), known, partyIdentifiers: parties.rows, moneyParties, hawalaPayees: payees.rows.map((r) => r.id),
    advertTexts: adverts.rows.map((r) => r.text),
  };
  for (const [name, list] of Object.entries({ ...samples, ...samples.known, ...samples.moneyParties })) {
    if (Array.isArray(list) && list.length === 0) throw new Error(`the dataset gave no ${name} to sample`);
  }
  return samples;
}
