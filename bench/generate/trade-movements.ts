import { HandlingCode } from '../../src/shared/handling';
import { AgencyPicker, type BenchAgency } from './agencies';
import { addMovement, transportBetween } from './movement-row';
import type { Random } from './random';
import type { SupplierNetwork } from './supplier-network';
import type { DatasetTables } from './tables';

const FIRST_TRADE = new Date('2018-01-01T00:00:00Z');
const LAST_TRADE = new Date('2025-10-15T00:00:00Z');
const MOVEMENT_HANDLING: Record<HandlingCode, number> = { TLP_CLEAR: 3, TLP_GREEN: 85, TLP_AMBER: 7, TLP_AMBER_STRICT: 4, TLP_RED: 1 };

/** How many movements each trade link gets: at least one, `total` in all, unevenly spread. */
function movementsPerLink(random: Random, links: number, total: number): number[] {
  if (links >= total) return new Array<number>(links).fill(1);
  const extra = Math.max(0, total - links) / Math.max(1, links);
  const counts = Array.from({ length: links }, () => 1 + Math.floor(extra * (0.2 + 1.6 * random.next())));
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum < total) {
    counts[random.int(0, links - 1)]++;
    sum++;
  }
  while (sum > total) {
    const at = random.int(0, links - 1);
    if (counts[at] > 1) {
      counts[at]--;
      sum--;
    }
  }
  return counts;
}

/** Shipments along the trade links (invoices, waybills, parcels), recorded by the agencies of the countries involved. */
export function generateTradeMovements(
  random: Random,
  network: SupplierNetwork,
  total: number,
  agencies: BenchAgency[],
  tables: DatasetTables,
): number {
  const picker = new AgencyPicker(agencies);
  const counts = movementsPerLink(random, network.links.length, total);
  let written = 0;
  network.links.forEach(([fromIndex, toIndex], link) => {
    const from = network.suppliers[fromIndex];
    const to = network.suppliers[toIndex];
    const goods = network.productOf[to.network];
    for (let n = 0; n < counts[link]; n++) {
      const agency = picker.ofCountry(random, random.chance(0.7) ? to.country : from.country);
      const handling = random.weighted(MOVEMENT_HANDLING);
      const sharedWith = handling === HandlingCode.TLP_AMBER ? random.sample(agencies, random.int(1, 2)).map((a) => a.id).filter((id) => id !== agency.id) : [];
      const occurredAt = random.dateBetween(FIRST_TRADE, LAST_TRADE);
      const transport = transportBetween(from.country, to.country, to.role, random.next());
      addMovement(tables, {
        id: random.uuid(), agencyId: agency.id, fromSupplierId: from.id, toSupplierId: to.id, occurredAt,
        fromCountry: from.country, toCountry: to.country, mode: transport.mode,
        documentRef: `${transport.prefix}-${occurredAt.getUTCFullYear()}-${random.digits(7)}`, quantity: random.int(1, 2000), goods,
        handling, sharedWith, recordedBy: `analyst.${agency.code.toLowerCase()}.${random.int(1, 40)}`,
        recordedAt: new Date(occurredAt.getTime() + random.int(1, 90) * 86_400_000),
      });
      written++;
    }
  });
  return written;
}
