import { ErrorCode, type Problems } from '../../shared/domain-error';
import { LIMITS, optionalNumber, optionalText } from '../../shared/text-fields';
import { nameFingerprint } from '../supplier/supplier-name';
import type { BoatDetails, EngineDetails, LifeJacketDetails } from './item-details.entity';
import { ItemCondition, ItemKind } from './item.enums';
import type { ItemInput } from './item.inputs';
import { recordIdentifier } from './item-identifiers.validation';

/** A validated item, ready to store. */
export interface ItemDraft {
  kind: ItemKind;
  make: string | null;
  makeKey: string;
  model: string | null;
  serialNumber: string | null;
  serialKey: string | null;
  hin: string | null;
  hinKey: string | null;
  batchNumber: string | null;
  batchKey: string | null;
  markDamaged: boolean;
  quantity: number;
  condition: ItemCondition;
  description: string | null;
  capacityLitres: number | null;
  boat: BoatDetails;
  engine: EngineDetails;
  lifeJacket: LifeJacketDetails;
}

const MAX_QUANTITY = 1_000_000;

/** Which kinds each group of kind-specific facts belongs to. */
const DETAILS_FOR: Record<'boat' | 'engine' | 'lifeJacket' | 'capacityLitres', ItemKind[]> = {
  boat: [ItemKind.BOAT],
  engine: [ItemKind.ENGINE],
  lifeJacket: [ItemKind.LIFE_JACKET],
  capacityLitres: [ItemKind.FUEL_CONTAINER, ItemKind.PUMP, ItemKind.OTHER],
};

/** Validates one item of a seizure at `path` (e.g. ["input","items","2"]), adding every problem found. */
export function validateItem(input: ItemInput, path: string[], problems: Problems): ItemDraft {
  const at = (...rest: string[]) => [...path, ...rest];
  const markDamaged = input.markDamaged ?? false;
  const serial = recordIdentifier(input.serialNumber, 'serialNumber', markDamaged, at('serialNumber'), problems);
  const hin = recordIdentifier(input.hin, 'hin', markDamaged, at('hin'), problems);
  const batch = recordIdentifier(input.batchNumber, 'batchNumber', markDamaged, at('batchNumber'), problems);

  const quantity = input.quantity ?? 1;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    problems.add(ErrorCode.INVALID_INPUT, `quantity must be a whole number from 1 to ${MAX_QUANTITY}, got ${quantity}`, at('quantity'));
  }
  for (const [group, kinds] of Object.entries(DETAILS_FOR)) {
    const value = input[group as keyof typeof DETAILS_FOR];
    if (value !== null && value !== undefined && !kinds.includes(input.kind)) {
      problems.add(ErrorCode.INVALID_INPUT, `${group} does not apply to an item of kind ${input.kind}`, at(group));
    }
  }
  const make = optionalText(input.make, LIMITS.name, at('make'), problems);
  return {
    kind: input.kind,
    make,
    makeKey: nameFingerprint(make ?? ''),
    model: optionalText(input.model, LIMITS.name, at('model'), problems),
    serialNumber: serial.raw,
    serialKey: serial.key,
    hin: hin.raw,
    hinKey: hin.key,
    batchNumber: batch.raw,
    batchKey: batch.key,
    markDamaged,
    quantity,
    condition: input.condition ?? ItemCondition.UNKNOWN,
    description: optionalText(input.description, LIMITS.name, at('description'), problems),
    capacityLitres: optionalNumber(input.capacityLitres, { min: 0, max: 100_000, exclusiveMin: true }, at('capacityLitres'), problems),
    boat: boatDetails(input, at('boat'), problems),
    engine: engineDetails(input, at('engine'), problems),
    lifeJacket: lifeJacketDetails(input, at('lifeJacket'), problems),
  };
}

function boatDetails({ boat }: ItemInput, path: string[], problems: Problems): BoatDetails {
  return {
    lengthMetres: optionalNumber(boat?.lengthMetres, { min: 0, max: 100, exclusiveMin: true }, [...path, 'lengthMetres'], problems),
    hullMaterial: boat?.hullMaterial ?? null,
    colour: optionalText(boat?.colour, LIMITS.name, [...path, 'colour'], problems),
    capacityPersons: optionalNumber(boat?.capacityPersons, { min: 1, max: 1000, integer: true }, [...path, 'capacityPersons'], problems),
  };
}

function engineDetails({ engine }: ItemInput, path: string[], problems: Problems): EngineDetails {
  const stroke = engine?.stroke ?? null;
  if (stroke !== null && stroke !== 2 && stroke !== 4) {
    problems.add(ErrorCode.INVALID_INPUT, `stroke must be 2 or 4, got ${stroke}`, [...path, 'stroke']);
  }
  return {
    powerHp: optionalNumber(engine?.powerHp, { min: 0, max: 2000, exclusiveMin: true }, [...path, 'powerHp'], problems),
    stroke,
    fuel: engine?.fuel ?? null,
  };
}

function lifeJacketDetails({ lifeJacket: lj }: ItemInput, path: string[], problems: Problems): LifeJacketDetails {
  return {
    standardClaimed: optionalText(lj?.standardClaimed, LIMITS.name, [...path, 'standardClaimed'], problems),
    ceMarked: lj?.ceMarked ?? null,
    notifiedBody: optionalText(lj?.notifiedBody, LIMITS.identifier, [...path, 'notifiedBody'], problems),
    size: lj?.size ?? null,
    buoyancyNewtons: optionalNumber(lj?.buoyancyNewtons, { min: 1, max: 1000, integer: true }, [...path, 'buoyancyNewtons'], problems),
    foundDangerous: lj?.foundDangerous ?? null,
  };
}
