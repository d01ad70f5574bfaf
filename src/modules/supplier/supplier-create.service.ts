import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { insertInChunks } from '../../db/bulk-insert';
import { insertOne } from '../../db/insert-one';
import { Problems } from '../../shared/domain-error';
import { resolveSharedWith } from '../agency/shared-with';
import { SupplierIdentifierEntity } from './supplier-identifier.entity';
import { SupplierEntity } from './supplier.entity';
import type { SupplierCreateInput } from './supplier.inputs';
import { SupplierService } from './supplier.service';
import { validateSupplier } from './supplier.validation';

/**
 * Recording suppliers: validated whole, stored with their identifiers in one savepoint (the
 * caller runs it in `tx.write`). Suppliers carry no reference, so there is no idempotency key,
 * and a possible duplicate is not refused: finding and merging duplicates is supplier
 * resolution's work.
 */
export class SupplierCreateService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  async create(input: SupplierCreateInput): Promise<SupplierEntity> {
    const problems = new Problems();
    const draft = validateSupplier(input, problems);
    const sharedWith = await resolveSharedWith(this.manager, input.sharedWith, draft.handling, this.caller.agency.id, problems);
    problems.throwIfAny();

    const agencyId = this.caller.agency.id;
    const id = await insertOne(this.manager, SupplierEntity, {
      agencyId,
      name: draft.name,
      aliases: draft.aliases,
      role: draft.role,
      country: draft.country,
      searchText: draft.searchText,
      handling: draft.handling,
      sharedWith,
      recordedBy: this.caller.subject,
    });
    await insertInChunks(
      this.manager,
      SupplierIdentifierEntity,
      draft.identifiers.map((identifier, i) => ({ ...identifier, supplierId: id, agencyId, position: i + 1 })),
    );
    return (await new SupplierService(this.manager, this.caller).byIds([id]))[0];
  }
}
