import { ErrorCode, type Problems } from '../../shared/domain-error';
import { HandlingCode } from '../../shared/handling';
import { LIMITS } from '../../shared/text-fields';
import { validatePartyIdentifier, type PartyIdentifierDraft } from './party-identifiers';
import { nameFingerprint, searchText } from './supplier-name';
import { SupplierRole } from './supplier.enums';
import type { SupplierCreateInput } from './supplier.inputs';

export const MAX_ALIASES = 50;
export const MAX_IDENTIFIERS = 20;

/** A validated supplier, ready to store once its `sharedWith` codes are resolved. */
export interface SupplierDraft {
  name: string;
  aliases: string[];
  role: SupplierRole;
  country: string | null;
  handling: HandlingCode;
  identifiers: PartyIdentifierDraft[];
  /** Fingerprints of the name and aliases (supplier-name.ts), what search compares. */
  searchText: string;
}

/** How two names are told apart as repeats: case and runs of spaces ignored. */
const repeatKey = (name: string) => name.replace(/\s+/g, ' ').toLowerCase();

/**
 * Checks everything about a supplier that needs no database; collects every problem, with its
 * field path. A phone number in national form is read in the supplier's country, else in
 * `jurisdiction`, the recording agency's.
 */
export function validateSupplier(input: SupplierCreateInput, problems: Problems, jurisdiction: string | null): SupplierDraft {
  const field = (...path: string[]) => ['input', ...path];

  const name = input.name.trim();
  if (name === '') problems.add(ErrorCode.INVALID_INPUT, 'name must not be empty', field('name'));
  else if (name.length > LIMITS.name) {
    problems.add(ErrorCode.INVALID_INPUT, `name must be at most ${LIMITS.name} characters, got ${name.length}`, field('name'));
  } else if (nameFingerprint(name) === '') {
    problems.add(ErrorCode.INVALID_INPUT, 'name must contain at least one letter or digit', field('name'));
  }

  const given = input.aliases ?? [];
  if (given.length > MAX_ALIASES) {
    problems.add(ErrorCode.INVALID_INPUT, `a supplier has at most ${MAX_ALIASES} aliases, got ${given.length}`, field('aliases'));
  }
  const seen = new Set([repeatKey(name)]);
  const aliases: string[] = [];
  given.slice(0, MAX_ALIASES).forEach((raw, i) => {
    const alias = raw.trim();
    if (alias.length > LIMITS.name) {
      problems.add(ErrorCode.INVALID_INPUT, `alias must be at most ${LIMITS.name} characters, got ${alias.length}`, field('aliases', String(i)));
      return;
    }
    if (alias === '' || seen.has(repeatKey(alias))) return;
    seen.add(repeatKey(alias));
    aliases.push(alias);
  });

  const givenIdentifiers = input.identifiers ?? [];
  if (givenIdentifiers.length > MAX_IDENTIFIERS) {
    problems.add(
      ErrorCode.INVALID_INPUT,
      `a supplier has at most ${MAX_IDENTIFIERS} identifiers, got ${givenIdentifiers.length}`,
      field('identifiers'),
    );
  }
  const region = input.country ?? jurisdiction;
  const identifiers: PartyIdentifierDraft[] = [];
  const seenKeys = new Set<string>();
  givenIdentifiers.slice(0, MAX_IDENTIFIERS).forEach((identifier, i) => {
    const draft = validatePartyIdentifier(identifier, field('identifiers', String(i)), problems, region);
    if (!draft || seenKeys.has(`${draft.scheme} ${draft.valueKey}`)) return;
    seenKeys.add(`${draft.scheme} ${draft.valueKey}`);
    identifiers.push(draft);
  });

  return {
    name,
    aliases,
    role: input.role ?? SupplierRole.UNKNOWN,
    country: input.country ?? null,
    handling: input.handling ?? HandlingCode.TLP_GREEN,
    identifiers,
    searchText: searchText(name, aliases),
  };
}
