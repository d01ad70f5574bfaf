import type { EntityManager } from 'typeorm';
import type { RegisteredCaller } from '../../auth/access';
import { insertInChunks } from '../../db/bulk-insert';
import { insertOneUnlessTaken } from '../../db/insert-one';
import { clientKeyOf, clientKeyUsed } from '../../shared/client-key';
import { ErrorCode, Problems } from '../../shared/domain-error';
import { HandlingCode } from '../../shared/handling';
import { moneyOf } from '../../shared/money';
import { readableNamedRecords } from '../../shared/named-records';
import { isInTheFuture } from '../../shared/record-limits';
import { LIMITS, optionalText } from '../../shared/text-fields';
import { resolveSharedWith } from '../agency/shared-with';
import { MovementService } from '../movement/movement.service';
import { SeizureService } from '../seizure/seizure.service';
import { SightedKind } from '../sighting/sighting.enums';
import { SightingService } from '../sighting/sighting.service';
import { identifierKey } from '../supplier/party-identifiers';
import { IdentifierScheme } from '../supplier/supplier.enums';
import { SupplierService } from '../supplier/supplier.service';
import { PaymentPartyEntity } from './payment-party.entity';
import { PaymentMovementEntity, PaymentSeizureEntity } from './paid-for.entity';
import { PaymentMethod } from './payment.enums';
import { PaymentEntity } from './payment.entity';
import type { PaymentRecordInput } from './payment.inputs';
import { PaymentService } from './payment.service';

/** Hawala chains seldom pass more than two or three brokers. */
export const MAX_BROKERS = 10;
/** Records a payment paid for, of each kind. */
export const MAX_PAID_FOR = 100;

/**
 * A payment to record with every record it names by database id: a party is undefined when
 * unknown, and any id is null when the id given names nothing of its type.
 */
export type PaymentRecordRequest = Omit<PaymentRecordInput, 'payerId' | 'payeeId' | 'brokerIds' | 'seizureIds' | 'movementIds'> & {
  payerId?: string | null;
  payeeId?: string | null;
  brokerIds: Array<string | null>;
  seizureIds: Array<string | null>;
  movementIds: Array<string | null>;
};

/** A party of the chain as named in the input: its field path and the id given. */
interface NamedParty {
  field: string[];
  id: string | null;
}

/**
 * Recording payments: validated whole; every party, seizure and movement named must be
 * readable; a retry with the same `clientKey` stores nothing; its reference is sighted against
 * other agencies' records.
 */
export class PaymentRecordService {
  constructor(
    private readonly manager: EntityManager,
    private readonly caller: RegisteredCaller,
  ) {}

  async record(input: PaymentRecordRequest, now = new Date()): Promise<PaymentEntity> {
    const problems = new Problems();
    const handling = input.handling ?? HandlingCode.TLP_GREEN;
    const agencyId = this.caller.agency.id;
    const chain = await this.resolveChain(input, problems);
    const paidFor = (field: string, what: string) => ({ field, what, by: 'a payment', max: MAX_PAID_FOR });
    const seizureIds = await readableNamedRecords(input.seizureIds, paidFor('seizureIds', 'seizure'), (ids) => new SeizureService(this.manager, this.caller).byIds(ids), problems);
    const movementIds = await readableNamedRecords(input.movementIds, paidFor('movementIds', 'movement'), (ids) => new MovementService(this.manager, this.caller).byIds(ids), problems);
    if (input.paidAt && isInTheFuture(input.paidAt, now)) problems.add(ErrorCode.INVALID_INPUT, 'paidAt is in the future', ['input', 'paidAt']);
    const amount = moneyOf(input.amount, ['input', 'amount'], problems);
    const reference = optionalText(input.reference, LIMITS.identifier, ['input', 'reference'], problems);
    const referenceKey = reference === null ? null : identifierKey(IdentifierScheme.HAWALA_CODE, reference, null);
    const row = {
      agencyId,
      payerId: chain.payerId,
      payeeId: chain.payeeId,
      brokerCount: chain.brokerIds.length,
      method: input.method ?? PaymentMethod.UNKNOWN,
      amount: amount?.amount ?? null,
      currency: amount?.currency ?? null,
      paidAt: input.paidAt ?? null,
      fromCountry: input.fromCountry ?? null,
      toCountry: input.toCountry ?? null,
      reference,
      // A reference with no letter or digit is kept as written, but is no key to compare.
      referenceKey: referenceKey?.ok ? referenceKey.key : null,
      handling,
      sharedWith: await resolveSharedWith(this.manager, input.sharedWith, handling, agencyId, problems),
      recordedBy: this.caller.subject,
      clientKey: clientKeyOf(input.clientKey, problems),
    };
    problems.throwIfAny();

    const id = await insertOneUnlessTaken(this.manager, PaymentEntity, row);
    // The only key a new payment can conflict on is its client key.
    if (id === null) throw clientKeyUsed('payment', row.clientKey!, this.caller.agency.code, await this.byClientKey(row.clientKey!));
    const places = [chain.payerId, ...chain.brokerIds, chain.payeeId];
    await insertInChunks(this.manager, PaymentPartyEntity, places.flatMap((supplierId, position) => (supplierId ? [{ paymentId: id, position, supplierId, agencyId }] : [])));
    await insertInChunks(this.manager, PaymentSeizureEntity, seizureIds.map((seizureId) => ({ paymentId: id, seizureId, agencyId })));
    await insertInChunks(this.manager, PaymentMovementEntity, movementIds.map((movementId) => ({ paymentId: id, movementId, agencyId })));
    if (row.referenceKey) await new SightingService(this.manager, this.caller).link(SightedKind.PAYMENT, [id]);
    return (await new PaymentService(this.manager, this.caller).byIds([id]))[0];
  }

  private async byClientKey(key: string): Promise<PaymentEntity | null> {
    return new PaymentService(this.manager, this.caller).readable()
      .andWhere('p.agency_id = :ownAgency AND p.client_key = :key', { ownAgency: this.caller.agency.id, key })
      .getOne();
  }

  /**
   * Payer, brokers and payee: readable suppliers (NOT_FOUND otherwise), at most MAX_BROKERS
   * brokers, no supplier twice in the chain (refused where it comes again).
   */
  private async resolveChain(input: PaymentRecordRequest, problems: Problems) {
    if (input.brokerIds.length > MAX_BROKERS) {
      problems.add(ErrorCode.INVALID_INPUT, `a payment passes at most ${MAX_BROKERS} brokers, got ${input.brokerIds.length}`, ['input', 'brokerIds']);
    }
    const brokers = input.brokerIds.slice(0, MAX_BROKERS).map((id, i): NamedParty => ({ field: ['input', 'brokerIds', String(i)], id }));
    const payer: NamedParty | null = input.payerId === undefined ? null : { field: ['input', 'payerId'], id: input.payerId };
    const payee: NamedParty | null = input.payeeId === undefined ? null : { field: ['input', 'payeeId'], id: input.payeeId };
    const inOrder = [payer, ...brokers, payee].filter((party): party is NamedParty => party !== null);
    const wanted = inOrder.flatMap((party) => (party.id ? [party.id] : []));
    const found = new Set(wanted.length === 0 ? [] : (await new SupplierService(this.manager, this.caller).byIds(wanted)).map((s) => s.id));
    const seen = new Set<string>();
    for (const party of inOrder) {
      if (!party.id || !found.has(party.id)) {
        problems.add(ErrorCode.NOT_FOUND, `${party.field.slice(1).join('.')}: no such supplier, or not readable by you`, party.field);
      } else if (seen.has(party.id)) {
        problems.add(ErrorCode.INVALID_INPUT, `${party.field.slice(1).join('.')}: this supplier is already in the payment's chain`, party.field);
      }
      if (party.id) seen.add(party.id);
    }
    return { payerId: payer?.id ?? null, payeeId: payee?.id ?? null, brokerIds: brokers.map((b) => b.id ?? '') };
  }
}
