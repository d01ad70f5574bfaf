// fast-check arbitraries for mutation inputs: mostly plausible values (so that some calls
// succeed), mixed with hostile ones: wrong types, nulls, huge strings, odd unicode, bad ids.
import fc from 'fast-check';
import { toGlobalId } from '../../src/graphql/relay/global-id';

/** What the fuzzer may name: records that exist (ids) and agency codes that are registered. */
export interface FuzzPool {
  agencyCodes: string[];
  seizures: Array<{ id: string; itemIds: string[] }>;
  supplierIds: string[];
}

/** Values no field expects, or expects only at its edges. */
export const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '', ' ', '\t\n', '\u0000', 'a\u0000b', '\ud800', '\udfff x', '\u202e\u200b', 'null', 'undefined', '0',
    "'; DROP TABLE seizure; --", '%s%n', '${jndi:x}', '💥'.repeat(300), 'é'.repeat(65), 'x'.repeat(70_000), '9'.repeat(400),
  ),
  fc.integer(),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, -0, 0.5),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
);

/**
 * `plausible` inputs are well-typed, with legal enum values and country codes, so that many
 * reach the services (and some succeed); `hostile` ones also put a hostile value in any field
 * and use codes that do not exist.
 */
export type FuzzMode = 'plausible' | 'hostile';

/** Free text: mostly ordinary, sometimes odd unicode, over a length limit, or blank. */
const text = (max: number) => fc.oneof(
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: max }), weight: 6 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: max }), weight: 2 },
  { arbitrary: fc.constantFrom(' ', '\u200b', '\ud800', 'é'.repeat(65), 'x'.repeat(10_001)), weight: 1 },
);
const moment = fc.date({ min: new Date('1990-01-01Z'), max: new Date(Date.now() + 3_600_000), noInvalidDate: true }).map((d) => d.toISOString());
const serial = fc.constantFrom('6G5-1234567', '6g5 1234567', '6G5-I234567', '6G5-12?4567', 'FUZZ-1', 'FR-ABC12345D404', 'XDM12345A606');

/** Ids a caller might send: of real records, of the wrong type, of nothing, or not ids at all. */
export function idOf(real: string[], otherTypes: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...real), weight: 6 },
    { arbitrary: fc.constantFrom(...otherTypes), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom('Seizure', 'Item', 'Supplier', 'Movement', 'Agency'), fc.uuid()).map(([t, u]) => toGlobalId(t, u)), weight: 1 },
    { arbitrary: fc.oneof(fc.string({ maxLength: 30 }), fc.constant(Buffer.from('Item:not-a-uuid').toString('base64url')), fc.constant('x'.repeat(300))), weight: 1 },
  );
}

export function fuzzInputs(pool: FuzzPool, mode: FuzzMode) {
  /** Legal values; in hostile mode, also illegal ones. */
  const oneOf = (legal: string[], illegal: string[] = []) => fc.constantFrom(...legal, ...(mode === 'hostile' ? illegal : []));
  /** In hostile mode, any field may hold a hostile value instead. */
  const sometimes = (plausible: fc.Arbitrary<unknown>) =>
    mode === 'hostile' ? fc.oneof({ arbitrary: plausible, weight: 4 }, { arbitrary: hostile, weight: 1 }) : plausible;
  /** A record whose optional keys may be missing. */
  const input = (fields: Record<string, fc.Arbitrary<unknown>>, required: string[] = []) =>
    fc.record(Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, sometimes(v)])), { requiredKeys: required });
  const country = oneOf(['FR', 'GB', 'DE', 'BE', 'NL', 'TR', 'BG', 'CN'], ['XX', 'fr', 'FRA']);
  const handling = oneOf(['TLP_CLEAR', 'TLP_GREEN', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED'], ['TLP_PINK']);
  const kind = oneOf(['BOAT', 'ENGINE', 'LIFE_JACKET', 'FUEL_CONTAINER', 'PUMP', 'OTHER'], ['CAR']);
  const seizureIds = pool.seizures.map((s) => s.id);
  const itemIds = pool.seizures.flatMap((s) => s.itemIds);
  const codes = fc.array(oneOf(pool.agencyCodes, ['NO-SUCH-AGENCY']), { maxLength: 2 });
  const hostileItem = input({
    kind, make: text(20), model: text(10), serialNumber: serial, hin: serial, batchNumber: serial,
    quantity: fc.integer({ min: -2, max: 500 }), condition: oneOf(['NEW', 'USED', 'DAMAGED', 'COUNTERFEIT', 'UNKNOWN']),
    description: text(40), markDamaged: fc.boolean(), capacityLitres: fc.double({ min: -1, max: 1000, noNaN: true }),
    engine: input({ powerHp: fc.double({ min: -1, max: 400, noNaN: true }), stroke: fc.integer({ min: 0, max: 5 }), fuel: oneOf(['PETROL', 'DIESEL', 'ELECTRIC', 'OTHER']) }),
    boat: input({ lengthMetres: fc.double({ min: -1, max: 30, noNaN: true }), hullMaterial: oneOf(['PVC', 'GRP', 'WOOD']), capacityPersons: fc.integer({ min: -1, max: 100 }), colour: text(10) }),
    lifeJacket: input({ size: oneOf(['ADULT', 'CHILD', 'INFANT']), buoyancyNewtons: fc.integer({ min: 0, max: 300 }), ceMarked: fc.boolean(), standardClaimed: text(20) }),
  }, ['kind']);
  /** An item whose details fit its kind, as an officer would record it. */
  const plausibleItem = fc.oneof(
    input({ kind: fc.constant('ENGINE'), make: text(20), model: text(10), serialNumber: serial,
      engine: input({ powerHp: fc.double({ min: 1, max: 300, noNaN: true }), stroke: fc.constantFrom(2, 4), fuel: oneOf(['PETROL', 'DIESEL']) }) }, ['kind']),
    input({ kind: fc.constant('BOAT'), hin: fc.constantFrom('fr-zqx12345-d4-24', 'CN-ZQX4?231-C5-*'), markDamaged: fc.constant(true),
      boat: input({ lengthMetres: fc.double({ min: 3, max: 12, noNaN: true }), hullMaterial: oneOf(['PVC', 'GRP']), capacityPersons: fc.integer({ min: 1, max: 80 }) }) }, ['kind']),
    input({ kind: fc.constant('LIFE_JACKET'), batchNumber: serial, quantity: fc.integer({ min: 1, max: 500 }),
      lifeJacket: input({ size: oneOf(['ADULT', 'CHILD']), buoyancyNewtons: fc.constantFrom(50, 100, 150), ceMarked: fc.boolean() }) }, ['kind']),
    input({ kind: fc.constantFrom('FUEL_CONTAINER', 'PUMP', 'OTHER'), capacityLitres: fc.double({ min: 1, max: 100, noNaN: true }), description: text(40) }, ['kind']),
  );
  const item = mode === 'hostile' ? hostileItem : plausibleItem;
  const location = mode === 'hostile'
    ? input({ description: text(40), latitude: fc.double({ min: -100, max: 100, noNaN: true }), longitude: fc.double({ min: -200, max: 200, noNaN: true }) })
    : fc.oneof(input({ description: text(40) }), fc.record({ latitude: fc.double({ min: -90, max: 90, noNaN: true }), longitude: fc.double({ min: -180, max: 180, noNaN: true }) }));
  const routeLeg = input({ country, mode: oneOf(['ROAD', 'SEA', 'AIR', 'UNKNOWN']), place: text(20) }, ['country']);
  const identifier = input({ scheme: fc.constantFrom('VAT', 'PHONE', 'EMAIL', 'WEBSITE', 'COMPANY_REG', 'SOCIAL_HANDLE', 'OTHER', 'IBAN', 'vat'), value: fc.constantFrom('BG204817339', '+33 6 12 34 56 78', 'sales@example.com', 'https://kestrovan.example', 'tiktok:kestrovan', 'nonsense', '') }, ['scheme', 'value']);

  return {
    agencyCreate: input({ code: fc.stringMatching(/^[A-Z]{2}-[A-Z0-9]{2,8}$/), name: text(40), jurisdiction: country }, ['code', 'name', 'jurisdiction']),
    seizureRecord: input({
      reference: fc.oneof(fc.uuid().map((u) => `FZ-${u.slice(0, 13)}`), text(70)),
      seizedAt: moment, jurisdiction: country, location, handling, sharedWith: codes, notes: text(100),
      items: fc.array(item, { minLength: mode === 'hostile' ? 0 : 1, maxLength: 4 }),
      route: fc.array(routeLeg, { maxLength: 3 }),
    }, ['reference', 'seizedAt', 'items']),
    seizureUpdate: input({
      id: idOf(seizureIds, itemIds), version: fc.integer({ min: 0, max: 4 }), seizedAt: moment, jurisdiction: country,
      location, handling, sharedWith: codes, notes: text(100),
    }, ['id', 'version']),
    supplierCreate: input({
      name: text(60), aliases: fc.array(text(20), { maxLength: 4 }), role: oneOf(['MANUFACTURER', 'IMPORTER', 'RETAILER', 'UNKNOWN'], ['SMUGGLER']),
      country, identifiers: fc.array(identifier, { maxLength: 3 }), handling, sharedWith: codes,
    }, ['name']),
    movementRecord: input({
      fromSupplierId: idOf(pool.supplierIds, seizureIds), toSupplierId: idOf(pool.supplierIds, itemIds),
      itemIds: fc.array(idOf(itemIds, pool.supplierIds), { maxLength: 4 }), occurredAt: moment,
      fromCountry: country, toCountry: country, mode: oneOf(['ROAD', 'SEA', 'POST', 'UNKNOWN'], ['TELEPORT']),
      documentRef: text(70), goodsDescription: text(40), quantity: fc.integer({ min: -1, max: 1000 }), handling, sharedWith: codes,
    }),
    itemMatchDecide: input({
      itemId: idOf(itemIds, seizureIds), otherItemId: idOf(itemIds, pool.supplierIds),
      status: oneOf(['SUGGESTED', 'CONFIRMED', 'REJECTED'], ['MAYBE']), note: text(60),
    }, ['itemId', 'otherItemId', 'status']),
    itemLink: input({ itemId: idOf(itemIds, seizureIds), otherItemId: idOf(itemIds, pool.supplierIds), note: text(60) }, ['itemId', 'otherItemId', 'note']),
    supplierMerge: input({ survivorId: idOf(pool.supplierIds, itemIds), mergedId: idOf(pool.supplierIds, seizureIds) }, ['survivorId', 'mergedId']),
    supplierUnmerge: input({ mergedId: idOf(pool.supplierIds, itemIds) }, ['mergedId']),
  };
}

/** Instead of an input object: anything at all, or nothing. */
export const notAnInput: fc.Arbitrary<unknown> = fc.oneof(fc.constant(undefined), fc.jsonValue({ maxDepth: 2 }));
