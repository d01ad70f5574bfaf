import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { insertInChunks } from '../../db/bulk-insert';
import { insertOneUnlessTaken } from '../../db/insert-one';
import { clientKeyOf, clientKeyUsed } from '../../shared/client-key';
import { Problems } from '../../shared/domain-error';
import { resolveSharedWith } from '../agency/shared-with';
import { SightedKind } from '../sighting/sighting.enums';
import { SightingService } from '../sighting/sighting.service';
import { SupplierIdentifierEntity } from './supplier-identifier.entity';
import { SupplierEntity } from './supplier.entity';
import type { SupplierCreateInput } from './supplier.inputs';
import { SupplierService } from './supplier.service';
import { validateSupplier } from './supplier.validation';

/**
 * Recording suppliers: validated whole, stored with their identifiers in one savepoint (the
 * caller runs it in `tx.write`). A retry with the same `clientKey` stores nothing; a possible
 * duplicate by name is not refused: finding and merging duplicates is supplier resolution's work.
 */
export class SupplierCreateService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  async create(input: SupplierCreateInput): Promise<SupplierEntity> {
    const problems = new Problems();
    const draft = validateSupplier(input, problems, this.caller.agency.jurisdiction);
    const clientKey = clientKeyOf(input.clientKey, problems);
    const sharedWith = await resolveSharedWith(this.manager, input.sharedWith, draft.handling, this.caller.agency.id, problems);
    problems.throwIfAny();

    const agencyId = this.caller.agency.id;
    const id = await insertOneUnlessTaken(this.manager, SupplierEntity, {
      agencyId,
      name: draft.name,
      aliases: draft.aliases,
      role: draft.role,
      country: draft.country,
      searchText: draft.searchText,
      handling: draft.handling,
      sharedWith,
      recordedBy: this.caller.subject,
      clientKey,
    });
    // The only key a new supplier can conflict on is its client key.
    if (id === null) throw clientKeyUsed('supplier', clientKey!, this.caller.agency.code, await this.byClientKey(clientKey!));
    await insertInChunks(
      this.manager,
      SupplierIdentifierEntity,
      draft.identifiers.map((identifier, i) => ({ ...identifier, supplierId: id, agencyId, position: i + 1 })),
    );
    if (draft.identifiers.length > 0) await new SightingService(this.manager, this.caller).link(SightedKind.SUPPLIER, [id]);
    return (await this.reader().byIds([id]))[0];
  }

  private async byClientKey(key: string): Promise<SupplierEntity | null> {
    return this.reader().readable().andWhere('sup.agency_id = :ownAgency AND sup.client_key = :key', { ownAgency: this.caller.agency.id, key }).getOne();
  }

  private reader(): SupplierService {
    return new SupplierService(this.manager, this.caller);
  }
}
