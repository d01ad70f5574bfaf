export enum ItemKind {
  BOAT = 'BOAT',
  ENGINE = 'ENGINE',
  LIFE_JACKET = 'LIFE_JACKET',
  FUEL_CONTAINER = 'FUEL_CONTAINER',
  PUMP = 'PUMP',
  OTHER = 'OTHER',
}

export enum ItemCondition {
  NEW = 'NEW',
  USED = 'USED',
  DAMAGED = 'DAMAGED',
  COUNTERFEIT = 'COUNTERFEIT',
  UNKNOWN = 'UNKNOWN',
}

export enum HullMaterial {
  PVC = 'PVC',
  HYPALON = 'HYPALON',
  RIGID_INFLATABLE = 'RIGID_INFLATABLE',
  GRP = 'GRP',
  WOOD = 'WOOD',
  OTHER = 'OTHER',
}

export enum EngineFuel {
  PETROL = 'PETROL',
  DIESEL = 'DIESEL',
  ELECTRIC = 'ELECTRIC',
  OTHER = 'OTHER',
}

export enum LifeJacketSize {
  ADULT = 'ADULT',
  CHILD = 'CHILD',
  INFANT = 'INFANT',
}
