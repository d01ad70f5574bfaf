import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { HandlingCode } from '../../shared/handling';
import { identifierArgument } from '../supplier/party-identifiers';
import { IdentifierScheme } from '../supplier/supplier.enums';
import { SightedKind, SightingBasis } from './sighting.enums';

/** The other record of a sighting as the caller may see it: by id when readable, else as a hit. */
export type SightingView =
  | { recordId: string; basis: SightingBasis; score: number; other: { kind: SightedKind; id: string }; identifier: { scheme: string; key: string } | null }
  | { recordId: string; basis: SightingBasis; score: number; restrictedHit: { agencyId: string; handling: HandlingCode } };

interface SightingRow {
  record_id: string | null;
  other_kind: SightedKind;
  other_id: string | null;
  basis?: SightingBasis;
  scheme?: string | null;
  value_key?: string | null;
  score?: string;
  agency_id: string;
  handling: HandlingCode;
}

/** Schemes `sightings(identifier:)` looks up: every party scheme, and URL. */
const LOOKUP_SCHEMES = Object.values(IdentifierScheme);

/**
 * Sightings across agencies, found when records are written and read through the database's
 * definer functions (see the Sightings migration): other agencies' identifiers never reach the
 * service, only the records the caller may read and the hits it may be shown.
 */
export class SightingService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  /** Finds and stores the sightings of the caller's new records of a kind; how many were stored. */
  async link(kind: SightedKind, ids: string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [{ stored }] = await this.manager.query('SELECT sighting_link(CAST($1 AS sighted_kind), CAST($2 AS uuid[])) AS stored', [kind, ids]);
    return stored;
  }

  /** Finds and stores the near-duplicate texts of the caller's new adverts in other agencies' adverts; how many were stored. */
  async linkTexts(advertIds: string[]): Promise<number> {
    const [{ stored }] = await this.manager.query('SELECT sighting_link_text(CAST($1 AS uuid[])) AS stored', [advertIds]);
    return stored;
  }

  /** The sightings of readable records of a kind, best first per record. */
  async of(kind: SightedKind, ids: readonly string[]): Promise<SightingView[]> {
    const rows: SightingRow[] = await this.manager.query('SELECT * FROM sightings_of(CAST($1 AS sighted_kind), CAST($2 AS uuid[]))', [kind, ids]);
    return rows.map((row) => viewOf(row, row.record_id!));
  }

  /**
   * Every record holding an identifier, written any valid way (a national phone number read in
   * the caller's agency's jurisdiction): readable ones, then one hit per agency and handling.
   */
  async byIdentifier(identifier: { scheme: string; value: string }): Promise<SightingView[]> {
    const { scheme, key } = identifierArgument(identifier, this.caller.agency?.jurisdiction ?? null, 'identifier', LOOKUP_SCHEMES);
    const rows: SightingRow[] = await this.manager.query('SELECT * FROM sightings_by_key($1, $2)', [scheme, key]);
    const basis = scheme === IdentifierScheme.URL ? SightingBasis.SAME_URL : SightingBasis.SAME_IDENTIFIER;
    const seenHits = new Set<string>();
    return rows.flatMap((row) => {
      if (row.other_id === null) {
        const hit = `${row.agency_id} ${row.handling}`;
        if (seenHits.has(hit)) return [];
        seenHits.add(hit);
      }
      return [viewOf({ ...row, basis, scheme, value_key: key, score: '1' }, '')];
    });
  }
}

function viewOf(row: SightingRow, recordId: string): SightingView {
  const basis = row.basis!;
  const score = Number(row.score);
  if (row.other_id === null) return { recordId, basis, score, restrictedHit: { agencyId: row.agency_id, handling: row.handling } };
  // Only a shared identifier is answered as one: not a URL, a file's hash or a text.
  const identifier = basis === SightingBasis.SAME_IDENTIFIER && row.scheme && row.value_key ? { scheme: row.scheme, key: row.value_key } : null;
  return { recordId, basis, score, other: { kind: row.other_kind, id: row.other_id }, identifier };
}
