import { HandlingCode } from '../../src/shared/handling';
import { SupplierRole } from '../../src/modules/supplier/supplier.enums';
import { searchText } from '../../src/modules/supplier/supplier-name';
import type { Scale } from '../scales';
import { AgencyPicker, type BenchAgency } from './agencies';
import { companyName, inventedWord, nameVariant } from './names';
import { partyIdentifiers } from './party-identifiers';
import type { Random } from './random';
import type { DatasetTables } from './tables';

/** A supplier as the rest of the generator needs it. Level 0 are makers; a supplier at level L has chains L+1 long. */
export interface NetworkSupplier {
  id: string;
  level: number;
  network: number;
  country: string;
  role: SupplierRole;
  /** Indices of the suppliers it buys from. */
  upstream: number[];
}

export interface SupplierNetwork {
  suppliers: NetworkSupplier[];
  /** Trade links (sender index, receiver index): the flows movements are drawn from. */
  links: Array<[number, number]>;
  /** Per network and level, the suppliers there: where sellers to smugglers are picked. */
  byLevel: number[][][];
  productOf: string[];
}

export const LEVELS = 10;
// Share of a network at each level: few makers, more importers and wholesalers, many sellers.
const LEVEL_SHARE = [0.01, 0.04, 0.06, 0.08, 0.1, 0.12, 0.14, 0.15, 0.15, 0.15];

const ROLES_AT_LEVEL: Array<Partial<Record<SupplierRole, number>>> = [
  { MANUFACTURER: 1 },
  { IMPORTER: 1 },
  { IMPORTER: 5, WHOLESALER: 5 },
  { WHOLESALER: 85, IMPORTER: 10, UNKNOWN: 5 },
  { WHOLESALER: 85, IMPORTER: 10, UNKNOWN: 5 },
  { WHOLESALER: 85, IMPORTER: 5, UNKNOWN: 10 },
  { WHOLESALER: 40, RETAILER: 60 },
  { RETAILER: 60, ONLINE_SELLER: 40 },
  { RETAILER: 40, ONLINE_SELLER: 60 },
  { ONLINE_SELLER: 60, FACILITATOR: 30, UNKNOWN: 10 },
];

export const PRODUCTS = ['outboard engines', 'inflatable hulls', 'life jackets', 'fuel containers', 'pumps', 'mixed equipment'];
const MAKER_COUNTRIES: Record<string, Record<string, number>> = {
  'outboard engines': { CN: 70, TR: 20, IT: 10 },
  'inflatable hulls': { CN: 80, TR: 20 },
  'life jackets': { TR: 60, CN: 40 },
  'fuel containers': { TR: 50, CN: 30, PL: 20 },
  pumps: { CN: 90, DE: 10 },
  'mixed equipment': { CN: 60, TR: 40 },
};
const IMPORTER_COUNTRIES = { NL: 25, BG: 20, DE: 20, BE: 15, PL: 10, GB: 5, IT: 5 };
const TRADER_COUNTRIES = { DE: 25, FR: 15, BE: 15, NL: 15, BG: 8, PL: 8, IT: 6, GB: 8 };
const SELLER_COUNTRIES = { DE: 25, FR: 25, BE: 15, NL: 10, GB: 15, PL: 10 };
const FACILITATOR_COUNTRIES = { FR: 45, BE: 25, GB: 20, NL: 10 };

const SUPPLIER_HANDLING: Record<HandlingCode, number> = { TLP_CLEAR: 5, TLP_GREEN: 85, TLP_AMBER: 6, TLP_AMBER_STRICT: 3, TLP_RED: 1 };

function countryFor(random: Random, level: number, role: SupplierRole, product: string): string {
  if (level === 0) return random.weighted(MAKER_COUNTRIES[product]);
  if (level === 1) return random.weighted(IMPORTER_COUNTRIES);
  if (role === SupplierRole.FACILITATOR) return random.weighted(FACILITATOR_COUNTRIES);
  if (role === SupplierRole.RETAILER || role === SupplierRole.ONLINE_SELLER) return random.weighted(SELLER_COUNTRIES);
  return random.weighted(TRADER_COUNTRIES);
}

/**
 * Suppliers in trade networks of `networkSize` (a product line in a corridor), each network
 * layered from makers (level 0) to sellers (level 9). A supplier buys from one to three suppliers
 * a level or two up, now and then from another network; some send goods back or trade
 * sideways (cycles). About 4% are the same firm recorded again by another agency under a
 * variant name, and a quarter of those have been merged by an analyst.
 */
export function generateSupplierNetwork(random: Random, scale: Scale, agencies: BenchAgency[], tables: DatasetTables): SupplierNetwork {
  const picker = new AgencyPicker(agencies);
  const suppliers: NetworkSupplier[] = [];
  const networks = Math.max(1, Math.round(scale.suppliers / scale.networkSize));
  const byLevel: number[][][] = [];
  const productOf: string[] = [];
  const from = new Date('2018-01-01T00:00:00Z');
  const to = new Date('2025-06-30T00:00:00Z');
  let recorder = 0;
  const names: string[] = [];

  for (let network = 0; network < networks; network++) {
    const size = Math.round(scale.suppliers / networks);
    const product = PRODUCTS[network % PRODUCTS.length];
    productOf.push(product);
    const levels: number[][] = [];
    for (let level = 0; level < LEVELS; level++) {
      const count = Math.max(1, Math.round(size * LEVEL_SHARE[level]));
      const members: number[] = [];
      for (let n = 0; n < count; n++) {
        const index = suppliers.length;
        const duplicateOf = level > 0 && members.length > 0 && random.chance(0.04) ? random.pick(members) : null;
        const original = duplicateOf === null ? null : suppliers[duplicateOf];
        const role = original ? original.role : (random.weighted(ROLES_AT_LEVEL[level] as Record<SupplierRole, number>) as SupplierRole);
        const country = original ? original.country : countryFor(random, level, role, product);
        const agency = original ? random.pick(agencies) : picker.ofCountry(random, country);
        const firm = companyName(random, country);
        const name = original ? nameVariant(random, names[duplicateOf!]) : firm.name;
        names.push(name);
        const aliases = random.chance(0.1) ? [`${inventedWord(random)} ${firm.name.split(' ')[1] ?? 'Trading'}`] : [];
        const handling = random.weighted(SUPPLIER_HANDLING);
        const sharedWith = handling === HandlingCode.TLP_AMBER ? random.sample(agencies, random.int(1, 2)).map((a) => a.id) : [];
        const id = random.uuid();
        const recordedBy = `analyst.${agency.code.toLowerCase()}.${(recorder++ % 40) + 1}`;
        const recordedAt = random.dateBetween(from, to);
        tables.supplier.add([id, agency.id, name, aliases, role, country, searchText(name, aliases), handling, sharedWith, recordedBy, recordedAt]);
        partyIdentifiers(random, { id, agencyId: agency.id, brand: firm.brand, country }, tables);
        if (original && handling === HandlingCode.TLP_GREEN && random.chance(0.25)) {
          tables.supplier_merge.add([id, original.id, `analyst.${agency.code.toLowerCase()}.1`, agency.id, recordedAt]);
        }
        suppliers.push({ id, level, network, country, role, upstream: [] });
        members.push(index);
      }
      levels.push(members);
    }
    byLevel.push(levels);
  }
  return { suppliers, links: linkSuppliers(random, suppliers, byLevel), byLevel, productOf };
}

function linkSuppliers(random: Random, suppliers: NetworkSupplier[], byLevel: number[][][]): Array<[number, number]> {
  const links: Array<[number, number]> = [];
  const networks = byLevel.length;
  for (let index = 0; index < suppliers.length; index++) {
    const supplier = suppliers[index];
    if (supplier.level === 0) continue;
    const count = random.weighted({ 1: 65, 2: 25, 3: 10 });
    const chosen = new Set<number>();
    for (let k = 0; k < Number(count); k++) {
      const up = supplier.level >= 2 && random.chance(0.2) ? supplier.level - 2 : supplier.level - 1;
      const network = networks > 1 && random.chance(0.04) ? random.int(0, networks - 1) : supplier.network;
      chosen.add(random.pick(byLevel[network][up]));
    }
    for (const sender of chosen) {
      links.push([sender, index]);
      supplier.upstream.push(sender);
    }
    // Goods sent back up (returns), or traded sideways between wholesalers: cycles in the graph.
    if (supplier.level >= 3 && random.chance(0.01)) links.push([index, supplier.upstream[0]]);
    if (supplier.role === SupplierRole.WHOLESALER && random.chance(0.02)) {
      const peer = random.pick(byLevel[supplier.network][supplier.level]);
      if (peer !== index) {
        links.push([index, peer]);
        links.push([peer, index]);
      }
    }
  }
  return links;
}
