import type { Random } from './random';

export interface BenchAgency {
  id: string;
  code: string;
  name: string;
  jurisdiction: string;
  /** How many of the seizures this agency records, relative to the others. */
  weight: number;
}

// Agencies of the countries along the route, busiest first (the Channel coast records most).
const AGENCIES: Array<Omit<BenchAgency, 'id'>> = [
  { code: 'FR-PAF', name: 'French border police (bench)', jurisdiction: 'FR', weight: 10 },
  { code: 'GB-BF', name: 'UK border force (bench)', jurisdiction: 'GB', weight: 9 },
  { code: 'BE-FGP', name: 'Belgian federal police (bench)', jurisdiction: 'BE', weight: 6 },
  { code: 'DE-BPOL', name: 'German federal police (bench)', jurisdiction: 'DE', weight: 6 },
  { code: 'NL-KMAR', name: 'Netherlands border police (bench)', jurisdiction: 'NL', weight: 5 },
  { code: 'FR-DOUANE', name: 'French customs (bench)', jurisdiction: 'FR', weight: 5 },
  { code: 'GB-NCA', name: 'UK crime agency (bench)', jurisdiction: 'GB', weight: 3 },
  { code: 'BG-BP', name: 'Bulgarian border police (bench)', jurisdiction: 'BG', weight: 3 },
  { code: 'DE-ZOLL', name: 'German customs (bench)', jurisdiction: 'DE', weight: 3 },
  { code: 'TR-SG', name: 'Turkish coast guard (bench)', jurisdiction: 'TR', weight: 2 },
  { code: 'PL-SG', name: 'Polish border guard (bench)', jurisdiction: 'PL', weight: 2 },
  { code: 'IT-GDF', name: 'Italian finance police (bench)', jurisdiction: 'IT', weight: 2 },
  { code: 'NL-FIOD', name: 'Netherlands fiscal police (bench)', jurisdiction: 'NL', weight: 1 },
  { code: 'BE-DOUANE', name: 'Belgian customs (bench)', jurisdiction: 'BE', weight: 1 },
  { code: 'GR-HCG', name: 'Hellenic coast guard (bench)', jurisdiction: 'GR', weight: 1 },
  { code: 'DK-POL', name: 'Danish police (bench)', jurisdiction: 'DK', weight: 1 },
];

/** The agency whose officers and analysts the benchmark requests act for. */
export const BENCH_AGENCY = 'FR-PAF';

export function generateAgencies(random: Random, count: number): BenchAgency[] {
  return AGENCIES.slice(0, Math.min(count, AGENCIES.length)).map((agency) => ({ id: random.uuid(), ...agency }));
}

/** Picks agencies by weight, quickly (a cumulative table). */
export class AgencyPicker {
  private readonly cumulative: number[] = [];
  private readonly total: number;
  private readonly byCountry = new Map<string, BenchAgency[]>();

  constructor(private readonly agencies: BenchAgency[]) {
    let sum = 0;
    for (const agency of agencies) {
      this.cumulative.push((sum += agency.weight));
      this.byCountry.set(agency.jurisdiction, [...(this.byCountry.get(agency.jurisdiction) ?? []), agency]);
    }
    this.total = sum;
  }

  pick(random: Random): BenchAgency {
    const roll = random.next() * this.total;
    let i = 0;
    while (this.cumulative[i] <= roll) i++;
    return this.agencies[i];
  }

  /** An agency of this country if there is one, else any. */
  ofCountry(random: Random, country: string | null): BenchAgency {
    const local = country ? this.byCountry.get(country) : undefined;
    return local ? random.pick(local) : this.pick(random);
  }
}
