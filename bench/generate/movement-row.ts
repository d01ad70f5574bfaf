import { TransportMode } from '../../src/modules/movement/movement.enums';
import type { Sharing } from './handling';
import type { DatasetTables } from './tables';

export interface MovementRow extends Sharing {
  id: string;
  agencyId: string;
  fromSupplierId: string | null;
  toSupplierId: string | null;
  occurredAt: Date;
  fromCountry: string | null;
  toCountry: string | null;
  mode: TransportMode;
  documentRef: string | null;
  quantity: number | null;
  goods: string;
  recordedBy: string;
  recordedAt: Date;
}

export function addMovement(tables: DatasetTables, m: MovementRow): void {
  tables.movement.add([
    m.id, m.agencyId, m.fromSupplierId, m.toSupplierId, m.occurredAt, m.fromCountry, m.toCountry, m.mode,
    m.documentRef, m.quantity, m.goods, m.handling, m.sharedWith, m.recordedBy, m.recordedAt,
  ]);
}

const ASIA_OR_TURKEY = new Set(['CN', 'TR']);

/** How goods usually travel between two countries, and the document that says so. */
export function transportBetween(fromCountry: string, toCountry: string, toRole: string, roll: number): { mode: TransportMode; prefix: string } {
  if (ASIA_OR_TURKEY.has(fromCountry) && !ASIA_OR_TURKEY.has(toCountry)) {
    return roll < 0.85 ? { mode: TransportMode.SEA, prefix: 'BL' } : { mode: TransportMode.AIR, prefix: 'AWB' };
  }
  if (toRole === 'ONLINE_SELLER' || toRole === 'FACILITATOR') {
    return roll < 0.5 ? { mode: TransportMode.COURIER, prefix: 'TRK' } : { mode: TransportMode.ROAD, prefix: 'CMR' };
  }
  if (roll < 0.8) return { mode: TransportMode.ROAD, prefix: 'CMR' };
  return roll < 0.9 ? { mode: TransportMode.RAIL, prefix: 'CIM' } : { mode: TransportMode.POST, prefix: 'PCL' };
}
