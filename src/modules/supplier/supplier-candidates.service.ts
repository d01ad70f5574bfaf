import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { readableBy } from '../../auth/visibility';
import { invalidArgument } from '../../shared/refusal';
import { identifierKey, parseScheme } from './party-identifiers';
import type { SupplierCandidatesInput } from './supplier-candidates.inputs';
import type { SupplierCandidateType } from './supplier-candidates.type';
import { MIN_SCORE, searchTerms } from './supplier-search';
import { SupplierService } from './supplier.service';

const MAX_NAMES = 10;
export const DEFAULT_CANDIDATES = 10;
const MAX_CANDIDATES = 50;
const MAX_NAME_LENGTH = 500;

/** Refuses a request for candidates that is out of range, naming the argument; returns how many to give. */
export function checkedCandidatesRequest(input: SupplierCandidatesInput, first: number | null): number {
  const limit = first ?? DEFAULT_CANDIDATES;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_CANDIDATES) throw invalidArgument(`first must be between 1 and ${MAX_CANDIDATES}, got ${limit}`, 'first');
  if (input.name.length > MAX_NAME_LENGTH) throw invalidArgument(`name must be at most ${MAX_NAME_LENGTH} characters`, 'input.name');
  return limit;
}
/** A shared identifier (same VAT number, phone, e-mail...) is strong evidence whatever the names. */
const SHARED_IDENTIFIER_SCORE = 0.95;
const OTHER_COUNTRY_PENALTY = 0.1;

interface Evidence {
  nameScore: number;
  reasons: string[];
}

/**
 * Supplier resolution: the readable suppliers that may be the same party as the one described,
 * by name fingerprints (the search's scoring) and shared normalised identifiers.
 */
export class SupplierCandidatesService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  async candidates(input: SupplierCandidatesInput, limit: number): Promise<SupplierCandidateType[]> {
    const evidence = new Map<string, Evidence>();
    const note = (id: string) => evidence.get(id) ?? evidence.set(id, { nameScore: 0, reasons: [] }).get(id)!;
    const suppliers = new SupplierService(this.manager, this.caller);

    for (const name of [input.name, ...(input.aliases ?? [])].slice(0, MAX_NAMES)) {
      const terms = searchTerms(name);
      if (!terms || terms.fingerprints.length === 0) continue;
      const rows: Array<{ id: string; score: string }> = await suppliers.scoredCandidates(terms).getRawMany();
      for (const row of rows) {
        const score = Number(row.score);
        const entry = note(row.id);
        if (score < MIN_SCORE || score <= entry.nameScore) continue;
        entry.nameScore = score;
        entry.reasons = entry.reasons.filter((r) => !r.startsWith('name'));
        entry.reasons.unshift(score >= 0.98 ? `name the same as '${name}' once case, legal form and word order are set aside` : `name similar to '${name}'`);
      }
    }
    for (const shared of await this.sharedIdentifiers(input)) note(shared.supplierId).reasons.push(`same ${shared.scheme} ${shared.key}`);

    const found = await suppliers.resolve([...evidence.keys()]);
    return [...evidence.entries()]
      .filter(([id, e]) => found.has(id) && (e.nameScore >= MIN_SCORE || e.reasons.length > 0))
      .map(([id, e]) => {
        const supplier = found.get(id)!;
        const sharesIdentifier = e.reasons.some((r) => r.startsWith('same ') && !r.startsWith('same country'));
        let score = sharesIdentifier ? Math.max(e.nameScore, SHARED_IDENTIFIER_SCORE) : e.nameScore;
        const reasons = [...e.reasons];
        if (input.country && supplier.country) {
          if (input.country === supplier.country) reasons.push('same country');
          else {
            reasons.push(`different country (${supplier.country})`);
            score -= OTHER_COUNTRY_PENALTY;
          }
        }
        return { supplier, score: Math.round(Math.max(0, Math.min(1, score)) * 1000) / 1000, reasons };
      })
      .sort((a, b) => b.score - a.score || a.supplier.name.localeCompare(b.supplier.name))
      // A merged supplier stands for its survivor: each party once, at its best.
      .filter((candidate, i, all) => all.findIndex((other) => other.supplier.id === candidate.supplier.id) === i)
      .slice(0, limit);
  }

  /** Readable suppliers holding any of the given identifiers, compared normalised; unusable identifiers are ignored. */
  private async sharedIdentifiers(input: SupplierCandidatesInput): Promise<Array<{ supplierId: string; scheme: string; key: string }>> {
    // A national phone number is read in the candidate's country, else the caller's jurisdiction, as on recording.
    const region = input.country ?? this.caller.agency?.jurisdiction ?? null;
    const keys = (input.identifiers ?? []).flatMap((identifier) => {
      const scheme = parseScheme(identifier.scheme);
      const key = scheme ? identifierKey(scheme, identifier.value.trim(), region) : null;
      return scheme && key?.ok ? [{ scheme, key: key.key }] : [];
    });
    if (keys.length === 0) return [];
    const visible = readableBy('sup', this.caller);
    const rows: Array<{ supplier_id: string; scheme: string; value_key: string }> = await this.manager
      .createQueryBuilder()
      .select(['si.supplier_id AS supplier_id', 'si.scheme AS scheme', 'si.value_key AS value_key'])
      .from('supplier_identifier', 'si')
      .innerJoin('supplier', 'sup', 'sup.id = si.supplier_id')
      .where(visible.clause, visible.params)
      .andWhere('(si.scheme, si.value_key) IN (SELECT * FROM unnest(CAST(:schemes AS text[]), CAST(:keys AS text[])))', {
        schemes: keys.map((k) => k.scheme),
        keys: keys.map((k) => k.key),
      })
      .getRawMany();
    return rows.map((r) => ({ supplierId: r.supplier_id, scheme: r.scheme, key: r.value_key }));
  }
}
