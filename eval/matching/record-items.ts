// Records one side (all `a` readings, or all `b` readings) of the identifier pairs as items of one
// agency's seizures, as an officer would: a reading with `?`/`*` as a damaged mark; any other as
// read, and again as a damaged mark if the registry refuses its identifier.
import type { EvalAgency } from '../support/agencies';
import { EvalFailure } from '../support/failure';
import { expectNoUserErrors, type UserError } from '../support/graphql-client';
import type { Registry } from '../support/registry';
import type { IdentifierPair, SampleItemKind } from './sample';

/** The ItemInput field an identifier of each kind is recorded in, and the basis a match on it has. */
export const IDENTIFIER_FIELD = {
  ENGINE: { field: 'serialNumber', basis: 'SAME_SERIAL' },
  BOAT: { field: 'hin', basis: 'SAME_HIN' },
  LIFE_JACKET: { field: 'batchNumber', basis: 'SAME_BATCH' },
} as const satisfies Record<SampleItemKind, { field: string; basis: string }>;

export interface RecordedReading {
  reading: string;
  /** Global id of the item; null when the registry refused the reading even as a damaged mark. */
  itemId: string | null;
  markDamaged: boolean;
  /** Refused as read (INVALID_IDENTIFIER), then recorded as a damaged mark. */
  reRecordedDamaged: boolean;
  /** Why the registry would not record it at all. */
  refused?: string;
}

export interface SideSummary {
  seizures: number;
  seconds: number;
}

/** Pairs per seizure: one seizure per agency per this many pairs. */
export const PAIRS_PER_SEIZURE = 50;
const MAX_ATTEMPTS = 3;

const SEIZURE_RECORD = `
  mutation SeizureRecord($input: SeizureRecordInput!) {
    seizureRecord(input: $input) {
      seizure { id items(first: 100) { totalCount nodes { id position serialNumber hin batchNumber markDamaged } } }
      userErrors { code message field }
    }
  }`;

interface RecordedItemNode {
  id: string;
  position: number;
  serialNumber: string | null;
  hin: string | null;
  batchNumber: string | null;
  markDamaged: boolean;
}

interface SeizureRecordData {
  seizureRecord: {
    seizure: { id: string; items: { totalCount: number; nodes: RecordedItemNode[] } } | null;
    userErrors: UserError[];
  };
}

interface Entry extends RecordedReading {
  kind: SampleItemKind;
}

/** Records `side` of every pair for `agency`; the result is in the order of `pairs`. */
export async function recordSide(
  registry: Registry,
  agency: EvalAgency,
  pairs: IdentifierPair[],
  side: 'a' | 'b',
  referencePrefix: string,
): Promise<{ readings: RecordedReading[]; summary: SideSummary }> {
  const started = Date.now();
  const entries: Entry[] = pairs.map((pair) => ({
    kind: pair.kind,
    reading: pair[side],
    itemId: null,
    markDamaged: /[?*]/.test(pair[side]),
    reRecordedDamaged: false,
  }));
  let seizures = 0;
  for (let start = 0; start < entries.length; start += PAIRS_PER_SEIZURE) {
    const batch = entries.slice(start, start + PAIRS_PER_SEIZURE);
    const reference = `${referencePrefix}-${side.toUpperCase()}-${String(seizures + 1).padStart(4, '0')}`;
    await recordBatch(registry, agency, batch, reference);
    seizures += 1;
  }
  const readings = entries.map(({ kind: _kind, ...reading }) => reading);
  return { readings, summary: { seizures, seconds: (Date.now() - started) / 1000 } };
}

/**
 * One seizure holding the batch's readings. A refused identifier (INVALID_IDENTIFIER) is recorded
 * again as a damaged mark; one refused even then is left out of the seizure. Nothing else may fail.
 */
async function recordBatch(registry: Registry, agency: EvalAgency, batch: Entry[], reference: string): Promise<void> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const included = batch.filter((entry) => entry.refused === undefined);
    if (included.length === 0) return;
    const input = {
      reference,
      seizedAt: new Date(Date.now() - 24 * 3600 * 1000).toISOString(),
      notes: 'matching evaluation',
      items: included.map((entry) => ({
        kind: entry.kind,
        [IDENTIFIER_FIELD[entry.kind].field]: entry.reading,
        markDamaged: entry.markDamaged,
      })),
    };
    const data = await registry.client.request<SeizureRecordData>(agency.token, 'SeizureRecord', SEIZURE_RECORD, { input });
    const { seizure, userErrors } = data.seizureRecord;
    if (userErrors.length === 0) {
      if (!seizure) throw new EvalFailure(`seizureRecord ${reference} returned no seizure and no user errors`);
      assignItems(included, seizure.items.nodes, seizure.items.totalCount, reference);
      return;
    }
    const refusedIdentifiers = userErrors.filter((error) => isIdentifierError(error, included));
    expectNoUserErrors(`seizureRecord ${reference}`, userErrors.filter((error) => !refusedIdentifiers.includes(error)));
    for (const error of refusedIdentifiers) {
      const entry = included[Number(error.field![2])];
      if (!entry.markDamaged) {
        entry.markDamaged = true;
        entry.reRecordedDamaged = true;
      } else {
        entry.refused = error.message;
      }
    }
  }
  throw new EvalFailure(`seizureRecord ${reference} still refused after ${MAX_ATTEMPTS} attempts`);
}

/** INVALID_IDENTIFIER on the identifier field of one of the items sent. */
function isIdentifierError(error: UserError, included: Entry[]): boolean {
  const field = error.field ?? [];
  if (error.code !== 'INVALID_IDENTIFIER' || field.length !== 4 || field[0] !== 'input' || field[1] !== 'items') return false;
  const entry = included[Number(field[2])];
  return entry !== undefined && field[3] === IDENTIFIER_FIELD[entry.kind].field;
}

/** Items come back by position (from 1, in input order); checks that each holds the reading sent. */
function assignItems(included: Entry[], nodes: RecordedItemNode[], totalCount: number, reference: string): void {
  if (totalCount !== included.length || nodes.length !== included.length) {
    throw new EvalFailure(`seizure ${reference}: sent ${included.length} items, the registry holds ${totalCount} (${nodes.length} returned)`);
  }
  for (const node of nodes) {
    const entry = included[node.position - 1];
    const stored = entry ? node[IDENTIFIER_FIELD[entry.kind].field] : undefined;
    if (!entry || stored?.trim() !== entry.reading.trim() || node.markDamaged !== entry.markDamaged) {
      throw new EvalFailure(`seizure ${reference}: item at position ${node.position} does not hold the reading sent there`);
    }
    entry.itemId = node.id;
  }
}
