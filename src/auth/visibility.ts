import { HandlingCode } from '../shared/handling';
import type { Caller } from './caller';

/** A SQL condition with its named parameters (TypeORM query-builder style, `:name`). */
export interface SqlCondition {
  clause: string;
  params: Record<string, unknown>;
}

/**
 * The one rule of who reads what (the public contract's visibility), as a SQL condition on a row with
 * `agency_id`, `handling`, `shared_with` and `recorded_by` columns under `alias`:
 * TLP_CLEAR and TLP_GREEN: every registered agency; TLP_AMBER: the owner and the agencies it
 * shares with; TLP_AMBER_STRICT: the owner; TLP_RED: the recording user of the owner.
 * A caller whose agency is not registered reads nothing. Row-level security policies in the
 * database enforce the same rule as a backstop (see the migrations).
 */
export function readableBy(alias: string, caller: Caller): SqlCondition {
  if (!caller.agency) return { clause: 'false', params: {} };
  const a = alias;
  return {
    clause: `(${a}.handling IN ('${HandlingCode.TLP_CLEAR}', '${HandlingCode.TLP_GREEN}')
      OR (${a}.agency_id = :visAgency AND ${a}.handling <> '${HandlingCode.TLP_RED}')
      OR (${a}.handling = '${HandlingCode.TLP_AMBER}' AND :visAgency = ANY(${a}.shared_with))
      OR (${a}.handling = '${HandlingCode.TLP_RED}' AND ${a}.agency_id = :visAgency AND ${a}.recorded_by = :visSubject))`,
    params: { visAgency: caller.agency.id, visSubject: caller.subject },
  };
}

/** What decides who may read a record (the columns `readableBy` reads). */
export interface ReaderFacts {
  agencyId: string;
  handling: HandlingCode;
  sharedWith: string[];
  recordedBy: string;
}

/**
 * Who may read a record, by the same rule as `readableBy`, as a key that is equal for two
 * records exactly when the same callers read both: every registered agency; a set of agencies
 * (TLP_AMBER's owner and sharers, TLP_AMBER_STRICT's owner); or one user (TLP_RED).
 */
export function readersKey(record: ReaderFacts): string {
  switch (record.handling) {
    case HandlingCode.TLP_CLEAR:
    case HandlingCode.TLP_GREEN:
      return 'every registered agency';
    case HandlingCode.TLP_AMBER:
      return `agencies ${[...new Set([record.agencyId, ...record.sharedWith])].sort().join(' ')}`;
    case HandlingCode.TLP_AMBER_STRICT:
      return `agencies ${record.agencyId}`;
    case HandlingCode.TLP_RED:
      return `user ${record.agencyId} ${record.recordedBy}`;
  }
}
