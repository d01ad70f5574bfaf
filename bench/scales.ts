/** How big each benchmark dataset is. `large` is the scale the targets are stated for. */
export interface Scale {
  name: ScaleName;
  /** Law-enforcement agencies recording seizures, suppliers and movements. */
  agencies: number;
  suppliers: number;
  /** Every movement: trade between suppliers, and the sales and invoices that carried seized items. */
  movements: number;
  items: number;
  /** Payments between suppliers, money brokers and buyers (the brokers and buyers come beside `suppliers`). */
  payments: number;
  /** Adverts captured as evidence, with their texts. */
  adverts: number;
  /** Suppliers per trade network (a product line in a corridor); links across networks are rare. */
  networkSize: number;
}

export type ScaleName = 'tiny' | 'small' | 'large';

export const SCALES: Record<ScaleName, Scale> = {
  tiny: { name: 'tiny', agencies: 8, suppliers: 400, movements: 2_000, items: 1_200, payments: 2_000, adverts: 2_000, networkSize: 200 },
  small: { name: 'small', agencies: 12, suppliers: 10_000, movements: 100_000, items: 50_000, payments: 25_000, adverts: 25_000, networkSize: 2_000 },
  large: { name: 'large', agencies: 16, suppliers: 200_000, movements: 2_000_000, items: 1_000_000, payments: 500_000, adverts: 500_000, networkSize: 2_000 },
};

export function isScaleName(value: string): value is ScaleName {
  return value in SCALES;
}

/** Bump when the generator changes what it produces: a stored dataset of another version is reloaded. */
export const GENERATOR_VERSION = 6;
