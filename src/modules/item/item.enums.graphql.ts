import type { EnumDeclaration } from '../registry-module';
import { EngineFuel, HullMaterial, ItemCondition, ItemKind, LifeJacketSize } from './item.enums';

/** This module's GraphQL enums, with their descriptions. */
export const ITEM_ENUMS: EnumDeclaration[] = [
  {
    type: ItemKind,
    name: 'ItemKind',
    description: 'What a seized item is.',
    valuesConfig: {
      BOAT: { description: 'An inflatable or rigid boat, or its hull.' },
      ENGINE: { description: 'An outboard engine.' },
      LIFE_JACKET: { description: 'Life jackets or buoyancy aids (one line per batch).' },
      FUEL_CONTAINER: { description: 'A fuel container.' },
      PUMP: { description: 'An air or fuel pump.' },
      OTHER: { description: 'Anything else (boat parts, phones, satellite devices).' },
    },
  },
  {
    type: ItemCondition,
    name: 'ItemCondition',
    description: 'Condition of an item when seized.',
    valuesConfig: {
      NEW: { description: 'New, unused.' },
      USED: { description: 'Used.' },
      DAMAGED: { description: 'Damaged.' },
      COUNTERFEIT: { description: 'Counterfeit.' },
      UNKNOWN: { description: 'Not recorded.' },
    },
  },
  {
    type: HullMaterial,
    name: 'HullMaterial',
    description: 'Material of a hull.',
    valuesConfig: {
      PVC: { description: 'PVC-coated fabric (most inflatables).' },
      HYPALON: { description: 'Hypalon (CSM) fabric.' },
      RIGID_INFLATABLE: { description: 'Rigid hull with inflatable tubes (RIB).' },
      GRP: { description: 'Glass-reinforced plastic.' },
      WOOD: { description: 'Wood.' },
      OTHER: { description: 'Anything else.' },
    },
  },
  {
    type: EngineFuel,
    name: 'EngineFuel',
    description: 'Fuel of an engine.',
    valuesConfig: {
      PETROL: { description: 'Petrol (gasoline).' },
      DIESEL: { description: 'Diesel.' },
      ELECTRIC: { description: 'Electric.' },
      OTHER: { description: 'Anything else.' },
    },
  },
  {
    type: LifeJacketSize,
    name: 'LifeJacketSize',
    description: 'Size of a life jacket.',
    valuesConfig: {
      ADULT: { description: 'Adult.' },
      CHILD: { description: 'Child.' },
      INFANT: { description: 'Infant.' },
    },
  },
];
