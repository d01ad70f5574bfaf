import type { Scale } from '../scales';
import { generateAdverts } from './adverts';
import { generateAgencies } from './agencies';
import { IdentityPool } from './identifiers';
import { Random } from './random';
import { generatePayments } from './payments';
import { generateSeizures } from './seizures';
import { generateSupplierNetwork } from './supplier-network';
import { emptyTables, type DatasetTables } from './tables';
import { generateTradeMovements } from './trade-movements';

export interface GeneratedDataset {
  tables: DatasetTables;
  /** Rows per table, and what the generator made beyond rows. */
  counts: Record<string, number>;
  seconds: number;
}

/** The whole dataset of a scale, as COPY text in memory; the same seed gives the same bytes. */
export function generateDataset(scale: Scale, seed: number): GeneratedDataset {
  const started = performance.now();
  const random = new Random(seed);
  const tables = emptyTables();
  const agencies = generateAgencies(random.fork('agencies'), scale.agencies);
  const created = new Date('2018-01-01T00:00:00Z');
  for (const agency of agencies) tables.agency.add([agency.id, agency.code, agency.name, agency.jurisdiction, created]);

  const network = generateSupplierNetwork(random.fork('suppliers'), scale, agencies, tables);
  const pool = new IdentityPool(random.fork('identities'));
  const seizures = generateSeizures(random.fork('seizures'), scale, agencies, network, pool, tables);
  const trade = generateTradeMovements(random.fork('trade'), network, scale.movements - seizures.custodyMovements, agencies, tables);
  generatePayments(random.fork('payments'), scale, agencies, network, tables);
  generateAdverts(random.fork('adverts'), scale, agencies, tables);

  for (const table of Object.values(tables)) table.done();
  const counts: Record<string, number> = Object.fromEntries(Object.entries(tables).map(([name, table]) => [name, table.rows]));
  return {
    tables,
    counts: { ...counts, tradeLinks: network.links.length, tradeMovements: trade, identities: pool.identities },
    seconds: (performance.now() - started) / 1000,
  };
}
