import type { EntityManager } from 'typeorm';
import type { Caller } from '../../auth/caller';
import { jsonRows } from '../../db/json-rows';
import { invalidArgument } from '../../shared/refusal';
import { MovementEntity } from '../movement/movement.entity';
import {
  NOTHING_DOWNSTREAM, NOTHING_UPSTREAM, supplierReachAnswer, supplyChainAnswer,
  type SupplierReachAnswer, type SupplyChainAnswer, type WalkRecords,
} from './walk-answer';
import { walkDepth } from './walk-depth';
import { WalkQuery } from './walk-query';
import { walkResult } from './walk-result';

/** Walks end: at most this many suppliers, as the public contract promises. */
export const MAX_SUPPLIERS = 5000;

const upstream = new WalkQuery('upstream.sql');
const downstream = new WalkQuery('downstream.sql');
const reachSteps = new WalkQuery('reach-steps.sql');

/** What a reach's export draws beside its suppliers and seizures: the movements between them. */
export interface ReachSteps {
  /** Movements from one of the suppliers to another. */
  steps: MovementEntity[];
  /** Movements from one of the suppliers that carried items of one of the seizures. */
  carriers: Array<{ movement: MovementEntity; seizureId: string }>;
}

/** Supply-chain walks, each one recursive query inside PostgreSQL under the caller's visibility. */
export class SupplyChainService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: Caller,
  ) {}

  /**
   * Upstream from an item, or from every item of a seizure: exactly one given (undefined: not
   * given; null: an id that names no such record, which gives an empty answer, as an unreadable
   * one does).
   */
  async supplyChain(
    start: { itemId?: string | null; seizureId?: string | null },
    maxDepth: number | null | undefined,
    records: WalkRecords,
  ): Promise<SupplyChainAnswer> {
    if ((start.itemId === undefined) === (start.seizureId === undefined)) {
      throw invalidArgument('give exactly one of itemId and seizureId', start.itemId !== undefined ? 'seizureId' : 'itemId');
    }
    const depth = walkDepth(maxDepth);
    const itemId = start.itemId ?? null;
    const seizureId = start.seizureId ?? null;
    if (!itemId && !seizureId) return NOTHING_UPSTREAM;
    const rows = await upstream.run(this.manager, this.caller, { itemId, seizureId, maxDepth: depth, cap: MAX_SUPPLIERS });
    return supplyChainAnswer(walkResult(rows, this.manager.connection), records);
  }

  /** Downstream from a supplier (null: an id that names none): the suppliers its goods reached and the seizures they ended up in. */
  async supplierReach(supplierId: string | null, maxDepth: number | null | undefined, records: WalkRecords): Promise<SupplierReachAnswer> {
    const depth = walkDepth(maxDepth);
    if (!supplierId) return NOTHING_DOWNSTREAM;
    const rows = await downstream.run(this.manager, this.caller, { supplierId, maxDepth: depth, cap: MAX_SUPPLIERS });
    return supplierReachAnswer(walkResult(rows, this.manager.connection), records);
  }

  /** The readable movements between the start and the suppliers of a reach (survivors' ids), and those that carried its seizures' items. */
  async reachSteps(supplierIds: string[], seizureIds: string[]): Promise<ReachSteps> {
    const rows = await reachSteps.run<{ kind: 'step' | 'carrier'; seizure_id: string | null; record: Record<string, unknown> }>(
      this.manager, this.caller, { suppliers: supplierIds, seizures: seizureIds },
    );
    const movements = jsonRows(this.manager.connection, MovementEntity);
    const answer: ReachSteps = { steps: [], carriers: [] };
    for (const row of rows) {
      const movement = movements.readColumns(row.record);
      if (row.kind === 'step') answer.steps.push(movement);
      else answer.carriers.push({ movement, seizureId: row.seizure_id! });
    }
    return answer;
  }
}
