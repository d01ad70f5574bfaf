import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { insertInChunks } from '../../db/bulk-insert';
import { insertOneUnlessTaken } from '../../db/insert-one';
import { clientKeyOf, clientKeyUsed } from '../../shared/client-key';
import { ErrorCode, Problems } from '../../shared/domain-error';
import { HandlingCode } from '../../shared/handling';
import { isInTheFuture, MAX_ITEMS } from '../../shared/record-limits';
import { LIMITS, optionalNumber, optionalText } from '../../shared/text-fields';
import { resolveSharedWith } from '../agency/shared-with';
import { ItemService } from '../item/item.service';
import { SupplierService } from '../supplier/supplier.service';
import { MovementItemEntity } from './movement-item.entity';
import { TransportMode } from './movement.enums';
import { MovementEntity } from './movement.entity';
import type { MovementRecordInput } from './movement.inputs';
import { MovementService } from './movement.service';


/**
 * A movement to record, its parties and items named by database id: a party is undefined when
 * unknown, and any id is null when the id given names nothing of its type.
 */
export type MovementRecordRequest = Omit<MovementRecordInput, 'fromSupplierId' | 'toSupplierId' | 'itemIds'> & {
  fromSupplierId?: string | null;
  toSupplierId?: string | null;
  itemIds: Array<string | null>;
};

/**
 * Recording custody movements: validated whole; every supplier and item named must be readable;
 * a retry with the same `clientKey` stores nothing.
 */
export class MovementRecordService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  async record(input: MovementRecordRequest, now = new Date()): Promise<MovementEntity> {
    const problems = new Problems();
    const handling = input.handling ?? HandlingCode.TLP_GREEN;
    const [fromSupplierId, toSupplierId] = await this.resolveParties(input, problems);
    const itemIds = await this.resolveItems(input.itemIds, problems);
    if (input.occurredAt && isInTheFuture(input.occurredAt, now)) {
      problems.add(ErrorCode.INVALID_INPUT, 'occurredAt is in the future', ['input', 'occurredAt']);
    }
    const row = {
      agencyId: this.caller.agency.id,
      fromSupplierId,
      toSupplierId,
      occurredAt: input.occurredAt ?? null,
      fromCountry: input.fromCountry ?? null,
      toCountry: input.toCountry ?? null,
      mode: input.mode ?? TransportMode.UNKNOWN,
      documentRef: optionalText(input.documentRef, LIMITS.identifier, ['input', 'documentRef'], problems),
      quantity: optionalNumber(input.quantity, { min: 1, max: 100_000_000, integer: true }, ['input', 'quantity'], problems),
      goodsDescription: optionalText(input.goodsDescription, LIMITS.name, ['input', 'goodsDescription'], problems),
      handling,
      sharedWith: await resolveSharedWith(this.manager, input.sharedWith, handling, this.caller.agency.id, problems),
      recordedBy: this.caller.subject,
      clientKey: clientKeyOf(input.clientKey, problems),
    };
    problems.throwIfAny();

    const id = await insertOneUnlessTaken(this.manager, MovementEntity, row);
    // The only key a new movement can conflict on is its client key.
    if (id === null) throw clientKeyUsed('movement', row.clientKey!, this.caller.agency.code, await this.byClientKey(row.clientKey!));
    await insertInChunks(this.manager, MovementItemEntity, itemIds.map((itemId) => ({ movementId: id, itemId, agencyId: this.caller.agency.id })));
    return (await new MovementService(this.manager, this.caller).byIds([id]))[0];
  }

  private async byClientKey(key: string): Promise<MovementEntity | null> {
    return new MovementService(this.manager, this.caller).readable()
      .andWhere('m.agency_id = :ownAgency AND m.client_key = :key', { ownAgency: this.caller.agency.id, key })
      .getOne();
  }

  /** The sender and receiver: readable suppliers (NOT_FOUND otherwise), at least one, and not the same. */
  private async resolveParties(input: MovementRecordRequest, problems: Problems): Promise<[string | null, string | null]> {
    const named = (['fromSupplierId', 'toSupplierId'] as const).map((field) => {
      const id = input[field];
      return id === undefined ? null : { field, id };
    });
    if (!named[0] && !named[1]) {
      problems.add(ErrorCode.INVALID_INPUT, 'a movement needs a sender or a receiver (either may be unknown, not both)', ['input', 'fromSupplierId']);
      return [null, null];
    }
    if (named[0] && named[1] && named[0].id !== null && named[0].id === named[1].id) {
      problems.add(ErrorCode.INVALID_INPUT, 'sender and receiver are the same supplier', ['input', 'toSupplierId']);
    }
    const ids = named.flatMap((n) => (n?.id ? [n.id] : []));
    const found = new Set((await new SupplierService(this.manager, this.caller).byIds(ids)).map((s) => s.id));
    return named.map((n) => {
      if (!n) return null;
      if (n.id && found.has(n.id)) return n.id;
      problems.add(ErrorCode.NOT_FOUND, `${n.field}: no such supplier, or not readable by you`, ['input', n.field]);
      return null;
    }) as [string | null, string | null];
  }

  /** The items carried: readable items (NOT_FOUND otherwise), without repeats. */
  private async resolveItems(ids: Array<string | null>, problems: Problems): Promise<string[]> {
    if (ids.length > MAX_ITEMS) {
      problems.add(ErrorCode.INVALID_INPUT, `a movement lists at most ${MAX_ITEMS} items, got ${ids.length}`, ['input', 'itemIds']);
      return [];
    }
    const wanted = ids.filter((id): id is string => id !== null);
    const found = new Set((await new ItemService(this.manager, this.caller).byIds(wanted)).map((item) => item.id));
    ids.forEach((id, i) => {
      if (!id || !found.has(id)) problems.add(ErrorCode.NOT_FOUND, 'no such item, or not readable by you', ['input', 'itemIds', String(i)]);
    });
    return [...new Set(wanted.filter((id) => found.has(id)))];
  }
}
