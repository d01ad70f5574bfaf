export enum TransportMode {
  ROAD = 'ROAD',
  SEA = 'SEA',
  AIR = 'AIR',
  RAIL = 'RAIL',
  POST = 'POST',
  COURIER = 'COURIER',
  UNKNOWN = 'UNKNOWN',
}
