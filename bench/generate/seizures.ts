import { foldConfusables } from '../../src/modules/matching/confusables';
import { hasWildcards } from '../../src/modules/item/identifier';
import { TransportMode } from '../../src/modules/movement/movement.enums';
import type { SeizureRecordInput } from '../../src/modules/seizure/seizure.inputs';
import { validateSeizure, type SeizureDraft } from '../../src/modules/seizure/seizure.validation';
import { Problems } from '../../src/shared/domain-error';
import { HandlingCode } from '../../src/shared/handling';
import type { Scale } from '../scales';
import { AgencyPicker, type BenchAgency } from './agencies';
import { pickSharing, type Sharing } from './handling';
import type { IdentityPool } from './identifiers';
import { generateItem, type GeneratedItem } from './items';
import { addMovement, transportBetween } from './movement-row';
import type { Random } from './random';
import { LEVELS, PRODUCTS, type SupplierNetwork } from './supplier-network';
import type { DatasetTables } from './tables';

/** Seizure dates run over these years; validation is done as if recorded just after. */
const FIRST_SEIZURE = new Date('2019-01-01T00:00:00Z');
const LAST_SEIZURE = new Date('2025-10-31T00:00:00Z');
const VALIDATED_AT = new Date('2025-11-15T00:00:00Z');

const ITEMS_PER_SEIZURE: Record<number, number> = { 1: 22, 2: 18, 3: 15, 4: 12, 5: 9, 6: 7, 7: 5, 8: 4, 10: 3, 12: 2, 16: 2, 24: 1 };
/** Where sellers to smugglers sit: mostly retail and online levels, some wholesalers (chains 3 to 10 long). */
const SELLER_LEVEL: Record<number, number> = { 2: 3, 3: 4, 4: 5, 5: 6, 6: 10, 7: 14, 8: 16, 9: 16 };
const PRODUCT_OF_KIND: Record<string, string> = {
  ENGINE: 'outboard engines', BOAT: 'inflatable hulls', LIFE_JACKET: 'life jackets', FUEL_CONTAINER: 'fuel containers', PUMP: 'pumps', OTHER: 'mixed equipment',
};

const PLACES: Record<string, { lat: [number, number]; lon: [number, number]; where: string[] }> = {
  FR: { lat: [50.85, 51.08], lon: [1.55, 2.55], where: ['beach, dune sector', 'motorway service area', 'van on coastal road', 'canal towpath'] },
  GB: { lat: [51.0, 51.4], lon: [0.9, 1.45], where: ['port lorry park', 'beach landing point', 'storage unit'] },
  BE: { lat: [51.1, 51.35], lon: [2.55, 3.2], where: ['beach near the harbour', 'car park', 'warehouse'] },
  NL: { lat: [51.4, 52.4], lon: [3.6, 4.8], where: ['container terminal', 'warehouse', 'parcel depot'] },
  DE: { lat: [51.2, 51.55], lon: [6.6, 7.05], where: ['warehouse', 'retail premises', 'parcel depot'] },
  BG: { lat: [42.0, 42.6], lon: [26.0, 27.5], where: ['border crossing', 'lorry'] },
  TR: { lat: [40.95, 41.2], lon: [28.8, 29.2], where: ['port warehouse', 'workshop'] },
};

export interface SeizureStats {
  seizures: number;
  items: number;
  custodyMovements: number;
}

/**
 * Seizures in time order, each with its items entered as an officer would (SeizureRecordInput)
 * and checked by the service's own validation, which also gives the stored identifier keys.
 * The matching index is filled as the service fills it (normalised key, confusables folded).
 * For most seizures the seller to the smugglers is known: a movement from that supplier to
 * the end buyer carried the items, and for half of those an invoice from its own supplier
 * lists the identified ones.
 */
export function generateSeizures(
  random: Random,
  scale: Scale,
  agencies: BenchAgency[],
  network: SupplierNetwork,
  pool: IdentityPool,
  tables: DatasetTables,
): SeizureStats {
  const picker = new AgencyPicker(agencies);
  const sizes: number[] = [];
  for (let total = 0; total < scale.items; ) {
    const size = Math.min(Number(random.weighted(ITEMS_PER_SEIZURE)), scale.items - total);
    sizes.push(size);
    total += size;
  }
  const times = sizes.map(() => random.dateBetween(FIRST_SEIZURE, LAST_SEIZURE).getTime()).sort((a, b) => a - b);
  const sequence = new Map<string, number>();
  // Small scales have fewer networks than product lines: a product without one is sold anywhere.
  const everyNetwork = network.productOf.map((_, n) => n);
  const networksOf = new Map(PRODUCTS.map((product) => {
    const own = network.productOf.flatMap((p, n) => (p === product ? [n] : []));
    return [product, own.length > 0 ? own : everyNetwork];
  }));
  const stats: SeizureStats = { seizures: sizes.length, items: 0, custodyMovements: 0 };

  sizes.forEach((size, s) => {
    const agency = picker.pick(random);
    const seizedAt = new Date(times[s]);
    const year = seizedAt.getUTCFullYear();
    const seq = (sequence.get(`${agency.code}${year}`) ?? 0) + 1;
    sequence.set(`${agency.code}${year}`, seq);
    const jurisdiction = agency.jurisdiction === 'GB' && random.chance(0.15) ? 'FR' : agency.jurisdiction;
    const place = PLACES[jurisdiction];
    const sharing = pickSharing(random, agency, agencies);
    const items = Array.from({ length: size }, () => generateItem(random, pool, agency.id));
    const input: SeizureRecordInput = {
      reference: `${agency.code}-${year}-${String(seq).padStart(6, '0')}`,
      seizedAt,
      jurisdiction,
      location: place
        ? { description: random.pick(place.where), latitude: round5(random, place.lat), longitude: round5(random, place.lon) }
        : null,
      handling: sharing.handling,
      notes: random.chance(0.1) ? 'Found with a group preparing to launch; equipment photographed.' : null,
      items: items.map((item) => item.input),
    };
    const problems = new Problems();
    const draft = validateSeizure(input, VALIDATED_AT, problems);
    if (problems.any) throw new Error(`generated seizure ${input.reference} does not validate: ${JSON.stringify(problems)}`);

    const seizureId = random.uuid();
    const recordedBy = `officer.${agency.code.toLowerCase()}.${random.int(1, 60)}`;
    const recordedAt = new Date(seizedAt.getTime() + random.int(2, 48) * 3600_000);
    tables.seizure.add([
      seizureId, agency.id, draft.reference, draft.referenceKey, jurisdiction, seizedAt, draft.locationDescription,
      draft.latitude, draft.longitude, sharing.handling, sharing.sharedWith, draft.notes, recordedBy, recordedAt, recordedAt, 1,
      // What the item trigger keeps, which loading in replica mode does not fire.
      draft.items.length, draft.items.reduce((sum, item) => sum + item.quantity, 0),
    ]);
    const itemIds = addItems(random, draft, items, { seizureId, agencyId: agency.id, recordedAt }, tables);
    stats.items += itemIds.length;

    if (random.chance(0.7)) {
      const product = PRODUCT_OF_KIND[items[0].input.kind];
      stats.custodyMovements += addCustody(random, network, networksOf.get(product)!, {
        agency, agencies, sharing, seizedAt, jurisdiction, recordedBy, recordedAt, itemIds,
        identified: itemIds.filter((_, i) => items[i].reading !== null),
        quantity: draft.items.reduce((sum, item) => sum + item.quantity, 0),
      }, tables);
    }
  });
  return stats;
}

const round5 = (random: Random, [min, max]: [number, number]) => Math.round((min + random.next() * (max - min)) * 1e5) / 1e5;

function addItems(
  random: Random,
  draft: SeizureDraft,
  generated: GeneratedItem[],
  seizure: { seizureId: string; agencyId: string; recordedAt: Date },
  tables: DatasetTables,
): string[] {
  return draft.items.map((item, i) => {
    const id = random.uuid();
    const { boat, engine, lifeJacket } = item;
    tables.item.add([
      id, seizure.seizureId, seizure.agencyId, i + 1, item.kind, item.make, item.makeKey, item.model, item.serialNumber, item.hin,
      item.batchNumber, item.hinKey, item.serialKey, item.batchKey, item.markDamaged, item.quantity, item.condition,
      item.description, item.capacityLitres, seizure.recordedAt, boat.lengthMetres, boat.hullMaterial, boat.colour,
      boat.capacityPersons, engine.powerHp, engine.stroke, engine.fuel, lifeJacket.standardClaimed, lifeJacket.ceMarked,
      lifeJacket.notifiedBody, lifeJacket.size, lifeJacket.buoyancyNewtons, lifeJacket.foundDangerous,
    ]);
    // The matching index, as MatchingService writes it: one row per recorded identifier.
    for (const [field, key] of [['HIN', item.hinKey], ['SERIAL', item.serialKey], ['BATCH', item.batchKey]] as const) {
      if (key === null) continue;
      tables.identifier_key.add([id, field, seizure.agencyId, seizure.seizureId, item.kind, key, foldConfusables(key), hasWildcards(key)]);
    }
    const identity = generated[i].reading?.identity;
    if (identity && identity.planned > 1) tables.identity.add([id, identity.no]);
    return id;
  });
}

interface CustodyFacts {
  agency: BenchAgency;
  agencies: BenchAgency[];
  sharing: Sharing;
  seizedAt: Date;
  jurisdiction: string;
  recordedBy: string;
  recordedAt: Date;
  itemIds: string[];
  identified: string[];
  quantity: number;
}

/** The sale to the smugglers (and, for half, the invoice before it) that carried the seized items. */
function addCustody(random: Random, network: SupplierNetwork, networks: number[], facts: CustodyFacts, tables: DatasetTables): number {
  const level = Math.min(LEVELS - 1, Number(random.weighted(SELLER_LEVEL)));
  const seller = network.suppliers[random.pick(network.byLevel[random.pick(networks)][level])];
  const saleAt = new Date(facts.seizedAt.getTime() - random.int(6, 400) * 3600_000);
  const sale = random.uuid();
  addMovement(tables, {
    id: sale, agencyId: facts.agency.id, fromSupplierId: seller.id, toSupplierId: null, occurredAt: saleAt,
    fromCountry: seller.country, toCountry: facts.jurisdiction, mode: random.chance(0.7) ? TransportMode.ROAD : TransportMode.COURIER,
    documentRef: random.chance(0.4) ? `RCPT-${random.digits(8)}` : null, quantity: facts.quantity,
    goods: 'sold to the crossing organisers', ...facts.sharing, recordedBy: facts.recordedBy, recordedAt: facts.recordedAt,
  });
  for (const itemId of facts.itemIds) tables.movement_item.add([sale, itemId, facts.agency.id]);
  if (facts.identified.length === 0 || seller.upstream.length === 0 || !random.chance(0.5)) return 1;

  const supplier = network.suppliers[random.pick(seller.upstream)];
  const invoice = random.uuid();
  const transport = transportBetween(supplier.country, seller.country, seller.role, random.next());
  const sharing = facts.sharing.handling === HandlingCode.TLP_RED ? facts.sharing : pickSharing(random, facts.agency, facts.agencies);
  addMovement(tables, {
    id: invoice, agencyId: facts.agency.id, fromSupplierId: supplier.id, toSupplierId: seller.id,
    occurredAt: new Date(saleAt.getTime() - random.int(24, 2000) * 3600_000), fromCountry: supplier.country, toCountry: seller.country,
    mode: transport.mode, documentRef: `INV-${saleAt.getUTCFullYear()}-${random.digits(6)}`, quantity: random.int(facts.quantity, facts.quantity * 5),
    goods: 'invoice seized at the seller, listing the serials', ...sharing, recordedBy: facts.recordedBy, recordedAt: facts.recordedAt,
  });
  for (const itemId of facts.identified) tables.movement_item.add([invoice, itemId, facts.agency.id]);
  return 2;
}
