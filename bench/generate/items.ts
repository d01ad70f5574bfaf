import { EngineFuel, HullMaterial, ItemCondition, ItemKind, LifeJacketSize } from '../../src/modules/item/item.enums';
import type { ItemInput } from '../../src/modules/item/item.inputs';
import type { IdentityPool, Reading } from './identifiers';
import type { Random } from './random';

export const KIND_WEIGHTS: Record<ItemKind, number> = { BOAT: 12, ENGINE: 25, LIFE_JACKET: 30, FUEL_CONTAINER: 15, PUMP: 8, OTHER: 10 };

const COLOURS = ['grey', 'black', 'orange', 'dark green', 'white'];
const OTHER_THINGS = ['Satellite phone', 'GPS receiver', 'Boat floor panels', 'Keel tube', 'Spare propeller'];

export interface GeneratedItem {
  input: ItemInput;
  reading: Reading | null;
}

/** One seized item, as an officer would enter it (ItemInput), with the identifier reading it carries. */
export function generateItem(random: Random, pool: IdentityPool, agencyId: string): GeneratedItem {
  const kind = random.weighted(KIND_WEIGHTS);
  const reading = pool.reading(kind, agencyId);
  const make = reading ? (random.chance(0.1) ? reading.identity.make.toUpperCase() : reading.identity.make) : pool.anyMake(kind);
  const input: ItemInput = { kind, make, model: reading?.identity.model ?? null, quantity: 1, condition: ItemCondition.UNKNOWN };
  if (reading) {
    input[reading.identity.field] = reading.written;
    input.markDamaged = reading.markDamaged;
  }
  switch (kind) {
    case ItemKind.BOAT:
      input.condition = random.weighted({ NEW: 50, USED: 30, DAMAGED: 20 }) as ItemCondition;
      input.boat = {
        lengthMetres: 6 + 0.5 * random.int(0, 12),
        hullMaterial: random.weighted({ PVC: 70, HYPALON: 15, RIGID_INFLATABLE: 10, OTHER: 5 }) as HullMaterial,
        colour: random.pick(COLOURS),
        capacityPersons: random.int(20, 70),
      };
      break;
    case ItemKind.ENGINE:
      input.condition = random.weighted({ NEW: 40, USED: 50, DAMAGED: 10 }) as ItemCondition;
      input.engine = { powerHp: random.pick([15, 25, 40, 60, 75, 85, 115]), stroke: random.pick([2, 4]), fuel: EngineFuel.PETROL };
      break;
    case ItemKind.LIFE_JACKET:
      input.quantity = random.int(20, 600);
      input.condition = random.chance(0.6) ? ItemCondition.COUNTERFEIT : ItemCondition.NEW;
      input.description = 'Orange foam vests';
      input.lifeJacket = {
        standardClaimed: random.pick(['ISO 12402-3', 'EN ISO 12402-4', 'ISO 12402-5']),
        ceMarked: random.chance(0.3),
        size: random.chance(0.85) ? LifeJacketSize.ADULT : LifeJacketSize.CHILD,
        buoyancyNewtons: random.pick([50, 100, 150]),
        foundDangerous: random.chance(0.6),
      };
      break;
    case ItemKind.FUEL_CONTAINER:
      input.quantity = random.int(1, 40);
      input.capacityLitres = random.pick([20, 25, 60]);
      break;
    case ItemKind.PUMP:
      input.quantity = random.int(1, 3);
      input.description = 'Foot pump';
      break;
    default:
      input.description = random.pick(OTHER_THINGS);
  }
  return { input, reading };
}
