import { randomUUID } from 'node:crypto';
import { hasWildcards } from '../../src/modules/item/identifier';
import { foldConfusables } from '../../src/modules/matching/confusables';
import { validateSeizure } from '../../src/modules/seizure/seizure.validation';
import { Problems } from '../../src/shared/domain-error';
import { LAYER_DIGIT, type Layer, type Scenario } from './scenario';
import { auditSuccess, placeholders, type SqlWork } from './sql-session';

/** An identifier already in the dataset, as an officer elsewhere recorded it. */
export interface KnownIdentity {
  kind: 'ENGINE' | 'BOAT' | 'LIFE_JACKET';
  make: string | null;
  model: string | null;
  field: 'serialNumber' | 'hin' | 'batchNumber';
  value: string;
}

export type RecordVariant = 'matching' | 'unmatched';

/** References of seizures the benchmark records live; deleted before each run so the dataset stays as loaded. */
export const LIVE_REFERENCE_PREFIX = 'BENCH-LIVE-';

const MUTATION = `mutation Record($input: SeizureRecordInput!) {
  seizureRecord(input: $input) { seizure { id reference } userErrors { code message field } }
}`;

/**
 * Recording a seizure of three items (an engine, a hull, a batch of life jackets), each request
 * with its own reference. `matching`: identifiers already recorded elsewhere, written another
 * way, so every item is matched; `unmatched`: identifiers nobody has recorded, so matching
 * looks and finds nothing.
 */
export function seizureRecord(variant: RecordVariant, runId: string, known: Record<KnownIdentity['kind'], KnownIdentity[]>): Scenario {
  const stamp = runId.replace(/\D/g, '').slice(-7);
  return {
    name: `seizure-record-${variant}`,
    title: `seizureRecord, 3 items, identifiers ${variant === 'matching' ? 'matching earlier seizures' : 'matching nothing'}`,
    params(n: number, layer: Layer) {
      const tag = `${LAYER_DIGIT[layer]}${variant === 'matching' ? 1 : 2}`;
      const items = variant === 'matching' ? matchingItems(known, n, LAYER_DIGIT[layer]) : unmatchedItems(`${stamp}${tag}`, LAYER_DIGIT[layer], n);
      return {
        input: {
          reference: `${LIVE_REFERENCE_PREFIX}${runId}-${tag}-${n}`,
          seizedAt: new Date(Date.now() - 3600_000).toISOString(),
          location: { description: 'benchmark beach', latitude: 50.95, longitude: 1.85 },
          items,
        },
      };
    },
    graphql: (params) => ({ query: MUTATION, variables: params }),
    succeeded: (body) => body.includes('"userErrors":[]'),
    baseline: 'seizure-record',
  };
}

/** Each layer draws from its own third of the known identifiers, so no layer meets the others' recordings. */
function matchingItems(known: Record<KnownIdentity['kind'], KnownIdentity[]>, n: number, layer: number) {
  return (['ENGINE', 'BOAT', 'LIFE_JACKET'] as const).map((kind) => {
    const list = known[kind];
    const third = Math.max(1, Math.floor(list.length / 3));
    const identity = list[((layer - 1) * third + (n % third)) % list.length];
    return {
      kind, make: identity.make, model: identity.model, [identity.field]: identity.value.toLowerCase(),
      quantity: kind === 'LIFE_JACKET' ? 50 : 1,
    };
  });
}

/** Identifiers of digits after fixed letters that fold to nothing else: unique per run, layer and request, and matching nothing. */
function unmatchedItems(prefix: string, layer: number, n: number) {
  const serial = String(n).padStart(5, '0');
  return [
    { kind: 'ENGINE', make: 'Qexta Marine', model: '9X9', serialNumber: `QX-${prefix}-${n}` },
    { kind: 'BOAT', make: 'Qexta Boats', hin: `IS-QX${'ACDE'[layer]}${serial}-A4-24` },
    { kind: 'LIFE_JACKET', make: 'Qexta Safety', batchNumber: `QX-LJ-${prefix}-${n}`, quantity: 50 },
  ];
}

const ITEM_COLUMNS = [
  'seizure_id', 'agency_id', 'position', 'kind', 'make', 'make_key', 'model', 'serial_number', 'hin', 'batch_number', 'hin_key',
  'serial_key', 'batch_key', 'mark_damaged', 'quantity', 'condition', 'description', 'capacity_litres',
  'boat_length_metres', 'boat_hull_material', 'boat_colour', 'boat_capacity_persons', 'engine_power_hp', 'engine_stroke',
  'engine_fuel', 'life_jacket_standard_claimed', 'life_jacket_ce_marked', 'life_jacket_notified_body', 'life_jacket_size',
  'life_jacket_buoyancy_newtons', 'life_jacket_found_dangerous',
];

/**
 * The statements the registry sends for seizureRecord, as plain SQL: savepoint, seizure insert
 * (idempotent on the reference, RETURNING what the database fills), items (ids made here), the
 * matching index, item_match_link (which takes the identifier locks), the audit event.
 * Validation is the service's own.
 */
export const seizureRecordSql: SqlWork = async (session, { input }) => {
  const problems = new Problems();
  const draft = validateSeizure({ ...input, seizedAt: new Date(input.seizedAt) }, new Date(), problems);
  if (problems.any) return { seizure: null, userErrors: [{ code: 'INVALID_INPUT' }] };
  const agency = session.caller.agency!;
  await session.query('SAVEPOINT record');
  const [inserted] = await session.query(
    `INSERT INTO seizure (agency_id, reference, reference_key, jurisdiction, seized_at, location_description,
                          latitude, longitude, handling, shared_with, notes, recorded_by, client_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     ON CONFLICT DO NOTHING RETURNING id, reference, recorded_at, updated_at, version`,
    [agency.id, draft.reference, draft.referenceKey, draft.jurisdiction ?? agency.jurisdiction, draft.seizedAt, draft.locationDescription,
      draft.latitude, draft.longitude, draft.handling, [], draft.notes, session.caller.subject, null],
  );
  if (!inserted) {
    await session.query('ROLLBACK TO SAVEPOINT record');
    return { seizure: null, userErrors: [{ code: 'DUPLICATE_REFERENCE' }] };
  }
  const items = draft.items.map((item) => ({ ...item, id: randomUUID() }));
  const rows = items.map((item, i) => [
    item.id, inserted.id, agency.id, i + 1, item.kind, item.make, item.makeKey, item.model, item.serialNumber, item.hin, item.batchNumber, item.hinKey,
    item.serialKey, item.batchKey, item.markDamaged, item.quantity, item.condition, item.description, item.capacityLitres,
    item.boat.lengthMetres, item.boat.hullMaterial, item.boat.colour, item.boat.capacityPersons, item.engine.powerHp,
    item.engine.stroke, item.engine.fuel, item.lifeJacket.standardClaimed, item.lifeJacket.ceMarked, item.lifeJacket.notifiedBody,
    item.lifeJacket.size, item.lifeJacket.buoyancyNewtons, item.lifeJacket.foundDangerous,
  ]);
  await session.query(`INSERT INTO item (id, ${ITEM_COLUMNS.join(', ')}) VALUES ${placeholders(rows.length, ITEM_COLUMNS.length + 1)}`, rows.flat());
  const probes = items.flatMap((item) =>
    ([['HIN', item.hinKey], ['SERIAL', item.serialKey], ['BATCH', item.batchKey]] as const)
      .filter(([, key]) => key !== null)
      .map(([field, key]) => ({ item, field, key: key as string, folded: foldConfusables(key as string), wild: hasWildcards(key as string) })),
  );
  if (probes.length > 0) {
    const keyRows = probes.map((p) => [p.item.id, p.field, agency.id, inserted.id, p.item.kind, p.key, p.folded, p.wild]);
    await session.query(
      `INSERT INTO identifier_key (item_id, field, agency_id, seizure_id, kind, key, folded, has_wildcards) VALUES ${placeholders(keyRows.length, 8)}`,
      keyRows.flat(),
    );
    await session.query(`SELECT item_match_link(CAST($1 AS uuid[]))`, [items.map((item) => item.id)]);
  }
  await session.query('RELEASE SAVEPOINT record');
  await auditSuccess(session, 'seizureRecord', 'Seizure', inserted.id);
  return { seizure: { id: inserted.id, reference: inserted.reference }, userErrors: [] };
};
