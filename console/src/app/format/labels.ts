import type { HandlingCode, ItemKind } from '../../generated/schema-types';

export const HANDLING_LABELS: Record<HandlingCode, string> = {
  TLP_CLEAR: 'TLP:CLEAR',
  TLP_GREEN: 'TLP:GREEN',
  TLP_AMBER: 'TLP:AMBER',
  TLP_AMBER_STRICT: 'TLP:AMBER+STRICT',
  TLP_RED: 'TLP:RED',
};

export const HANDLING_HELP: Record<HandlingCode, string> = {
  TLP_CLEAR: 'no limit',
  TLP_GREEN: 'every registered agency',
  TLP_AMBER: 'your agency and the agencies you share with',
  TLP_AMBER_STRICT: 'your agency only',
  TLP_RED: 'you only; gives no hits to anyone',
};

export const KIND_LABELS: Record<ItemKind, string> = {
  BOAT: 'Boat / hull',
  ENGINE: 'Outboard engine',
  LIFE_JACKET: 'Life jackets',
  FUEL_CONTAINER: 'Fuel container',
  PUMP: 'Pump',
  OTHER: 'Other',
};

export const ITEM_KINDS = Object.keys(KIND_LABELS) as ItemKind[];
export const HANDLING_CODES = Object.keys(HANDLING_LABELS) as HandlingCode[];

export function handlingLabel(code: HandlingCode): string {
  return HANDLING_LABELS[code] ?? code;
}
