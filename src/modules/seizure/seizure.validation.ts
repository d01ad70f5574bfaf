import { ErrorCode, Problems } from '../../shared/domain-error';
import { HandlingCode } from '../../shared/handling';
import { isInTheFuture, MAX_ITEMS } from '../../shared/record-limits';
import { LIMITS, optionalText } from '../../shared/text-fields';
import { validateItem, type ItemDraft } from '../item/item.validation';
import { validateRoute, type RouteLegDraft } from '../route/route.service';
import type { LocationInput, SeizureRecordInput } from './seizure.inputs';

const EARLIEST_SEIZURE = new Date('1990-01-01T00:00:00Z');

/** A validated seizure, ready to store once its `sharedWith` codes are resolved (agency/shared-with.ts). */
export interface SeizureDraft {
  reference: string;
  referenceKey: string;
  seizedAt: Date;
  jurisdiction: string | null;
  locationDescription: string | null;
  latitude: number | null;
  longitude: number | null;
  handling: HandlingCode;
  notes: string | null;
  items: ItemDraft[];
  route: RouteLegDraft[];
}

/** The idempotency key of a reference: trimmed, case ignored. */
export function referenceKey(reference: string): string {
  return reference.trim().toLowerCase();
}

/** A seizure time may not lie more than 5 minutes ahead, nor before 1990 (a mistyped year). */
export function validateSeizedAt(seizedAt: Date, now: Date, problems: Problems): void {
  if (isInTheFuture(seizedAt, now)) {
    problems.add(ErrorCode.INVALID_INPUT, 'seizedAt is in the future: a seizure cannot be recorded before it happens', ['input', 'seizedAt']);
  } else if (seizedAt < EARLIEST_SEIZURE) {
    problems.add(ErrorCode.INVALID_INPUT, 'seizedAt is before 1990: check the year', ['input', 'seizedAt']);
  }
}

/** A location: a description of at most 500 characters, and coordinates given together and in range. */
export function validateLocation(
  input: LocationInput | null | undefined,
  problems: Problems,
): Pick<SeizureDraft, 'locationDescription' | 'latitude' | 'longitude'> {
  const location = input ?? {};
  const field = (name: string) => ['input', 'location', name];
  const hasLatitude = location.latitude !== null && location.latitude !== undefined;
  const hasLongitude = location.longitude !== null && location.longitude !== undefined;
  if (hasLatitude !== hasLongitude) {
    problems.add(ErrorCode.INVALID_INPUT, 'latitude and longitude must be given together', field(hasLatitude ? 'longitude' : 'latitude'));
  }
  if (hasLatitude && !(Math.abs(location.latitude!) <= 90)) {
    problems.add(ErrorCode.INVALID_INPUT, `latitude must be between -90 and 90, got ${location.latitude}`, field('latitude'));
  }
  if (hasLongitude && !(Math.abs(location.longitude!) <= 180)) {
    problems.add(ErrorCode.INVALID_INPUT, `longitude must be between -180 and 180, got ${location.longitude}`, field('longitude'));
  }
  return {
    locationDescription: optionalText(location.description, LIMITS.name, field('description'), problems),
    latitude: hasLatitude ? location.latitude! : null,
    longitude: hasLongitude ? location.longitude! : null,
  };
}

/** Checks everything about a seizure that needs no database; collects every problem, with its field path. */
export function validateSeizure(input: SeizureRecordInput, now: Date, problems: Problems): SeizureDraft {
  const field = (...path: string[]) => ['input', ...path];
  const reference = input.reference.trim();
  if (reference === '') problems.add(ErrorCode.INVALID_INPUT, 'reference must not be empty', field('reference'));
  if (reference.length > LIMITS.identifier) {
    problems.add(ErrorCode.INVALID_INPUT, `reference must be at most ${LIMITS.identifier} characters, got ${reference.length}`, field('reference'));
  }

  validateSeizedAt(input.seizedAt, now, problems);
  const location = validateLocation(input.location, problems);

  const handling = input.handling ?? HandlingCode.TLP_GREEN;

  if (input.items.length === 0) problems.add(ErrorCode.INVALID_INPUT, 'a seizure needs at least one item', field('items'));
  if (input.items.length > MAX_ITEMS) {
    problems.add(ErrorCode.INVALID_INPUT, `a seizure holds at most ${MAX_ITEMS} items, got ${input.items.length}`, field('items'));
  }
  const items = input.items.slice(0, MAX_ITEMS).map((item, i) => validateItem(item, field('items', String(i)), problems));

  return {
    reference,
    referenceKey: referenceKey(reference),
    seizedAt: input.seizedAt,
    jurisdiction: input.jurisdiction ?? null,
    ...location,
    handling,
    notes: optionalText(input.notes, LIMITS.notes, field('notes'), problems),
    items,
    route: validateRoute(input.route, problems),
  };
}
