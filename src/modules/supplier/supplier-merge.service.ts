import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { readersKey } from '../../auth/visibility';
import { DomainError, ErrorCode } from '../../shared/domain-error';
import { SupplierMergeEntity } from './supplier-merge.entity';
import type { SupplierEntity } from './supplier.entity';
import { SupplierService } from './supplier.service';

/** A supplier's other names: its own aliases and the names of the suppliers merged into it, once each. */
export function aliasesWithMerged(supplier: SupplierEntity, merged: SupplierEntity[]): string[] {
  const names = [...supplier.aliases, ...merged.flatMap((m) => [m.name, ...m.aliases])];
  return [...new Set(names)].filter((name) => name !== supplier.name);
}

/**
 * Merging supplier records that are one party, and undoing it: shared facts that any analyst
 * who can read both suppliers may record; the records themselves are never changed. Only
 * suppliers with the same readers are merged: a merge then never shows a name to someone who
 * could not read it, never hides a record from someone who could, and every merge an analyst
 * meets (as "already merged") joins records that analyst reads.
 */
export class SupplierMergeService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  /** Merges `mergedId` into `survivorId`; returns the survivor. */
  async merge(input: { survivorId: string | null; mergedId: string | null }): Promise<SupplierEntity> {
    const survivor = await this.readable(input.survivorId, 'survivorId');
    const merged = await this.readable(input.mergedId, 'mergedId');
    if (survivor.id === merged.id) throw DomainError.of(ErrorCode.INVALID_INPUT, 'a supplier cannot be merged into itself', ['input', 'mergedId']);
    if (readersKey(merged) !== readersKey(survivor)) {
      throw DomainError.of(
        ErrorCode.CONFLICT,
        `the two suppliers have different readers (${merged.handling} and ${survivor.handling}, or shared with other agencies): only suppliers read by the same callers can be merged`,
        ['input', 'mergedId'],
      );
    }
    const merges = this.manager.getRepository(SupplierMergeEntity);
    if (await merges.existsBy({ mergedId: survivor.id })) {
      throw DomainError.of(ErrorCode.CONFLICT, 'the survivor is itself merged into another supplier: merge into that one', ['input', 'survivorId']);
    }
    if (await merges.existsBy({ survivorId: merged.id })) {
      throw DomainError.of(ErrorCode.CONFLICT, 'other suppliers are merged into this one: merge them, or it, the other way round', ['input', 'mergedId']);
    }
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO supplier_merge (merged_id, survivor_id, merged_by, merged_by_agency_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING merged_id`,
      [merged.id, survivor.id, this.caller.subject, this.caller.agency.id],
    );
    if (inserted.length === 0) throw DomainError.of(ErrorCode.CONFLICT, 'this supplier is already merged into another', ['input', 'mergedId']);
    return survivor;
  }

  /** Undoes the merge of `mergedId`; returns it, as it was recorded. */
  async unmerge(input: { mergedId: string | null }): Promise<SupplierEntity> {
    const merged = await this.readable(input.mergedId, 'mergedId');
    const { affected } = await this.manager.getRepository(SupplierMergeEntity).delete({ mergedId: merged.id });
    if (!affected) throw DomainError.of(ErrorCode.CONFLICT, 'this supplier is not merged into another', ['input', 'mergedId']);
    return merged;
  }

  /** The supplier record itself (not resolved through merges), if the caller may read it. */
  private async readable(id: string | null, field: string): Promise<SupplierEntity> {
    const [supplier] = id ? await new SupplierService(this.manager, this.caller).byIds([id]) : [];
    if (!supplier) throw DomainError.of(ErrorCode.NOT_FOUND, 'no such supplier, or not readable by you', ['input', field]);
    return supplier;
  }
}
