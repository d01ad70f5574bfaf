import { Arg, Args, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { requireBusinessReader } from '../../auth/access';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../graphql/context';
import { MoneyType } from '../../graphql/money';
import { recordMet, runMutation } from '../../graphql/mutation';
import { toConnection, type ConnectionShape } from '../../graphql/relay/connection';
import { idOfType, optionalIdOfType, toGlobalId } from '../../graphql/relay/global-id';
import { PageArgs } from '../../graphql/relay/page-args';
import { formatAmount } from '../../shared/money';
import { isLoaded } from '../../shared/loader-results';
import { pageRequest } from '../../shared/paging/page';
import type { AgencyEntity } from '../agency/agency.entity';
import { AgencyType } from '../agency/agency.type';
import type { MovementEntity } from '../movement/movement.entity';
import { MovementType } from '../movement/movement.type';
import type { SeizureEntity } from '../seizure/seizure.entity';
import { SeizureType } from '../seizure/seizure.type';
import type { SupplierEntity } from '../supplier/supplier.entity';
import { SupplierType } from '../supplier/supplier.type';
import { PaymentRecordService } from './payment-record.service';
import { PaymentConnection } from './payment.connection';
import type { PaymentEntity } from './payment.entity';
import { PaymentFilter, PaymentRecordInput } from './payment.inputs';
import { PaymentRecordPayload } from './payment.payloads';
import { PaymentService } from './payment.service';
import { PaymentType } from './payment.type';

@ObjectType('PaidFor', { description: 'What a payment paid for: the records the caller may read.' })
export class PaidForType {
  @Field(() => [SeizureType], { description: 'Seizures whose goods it paid for.' })
  seizures: SeizureEntity[];

  @Field(() => [MovementType], { description: 'Movements of goods it paid for.' })
  movements: MovementEntity[];
}

@Resolver(() => PaymentType)
export class PaymentResolver {
  @Query(() => PaymentType, { nullable: true, description: 'A payment by id; null when it does not exist or the caller may not read it.' })
  async payment(@Arg('id', () => ID, { description: 'Global id of the payment.' }) id: string, @Ctx() context: RequestContext) {
    requireBusinessReader(await context.tx.caller());
    const paymentId = idOfType(id, 'Payment');
    return paymentId ? context.loaders.payment.byId.load(paymentId) : null;
  }

  @Query(() => PaymentConnection, { description: 'Payments the caller may read, newest recorded first.' })
  async payments(
    @Arg('filter', () => PaymentFilter, { nullable: true, description: 'Which payments; every field given must hold.' }) filter: PaymentFilter | null,
    @Args(() => PageArgs) paging: PageArgs,
    @Ctx() context: RequestContext,
  ): Promise<ConnectionShape<PaymentEntity>> {
    const page = pageRequest(paging);
    const caller = requireBusinessReader(await context.tx.caller());
    const given = filter ?? {};
    const found = await new PaymentService(await context.tx.manager(), caller).list({ ...given, partyId: optionalIdOfType(given.partyId, 'Supplier') }, page);
    return toConnection(found, PaymentService.cursorOf);
  }

  @Mutation(() => PaymentRecordPayload, { description: 'Records a payment between parties for the caller\'s agency (OFFICER or ANALYST).' })
  async paymentRecord(
    @Arg('input', () => PaymentRecordInput, { description: 'The payment.' }) input: PaymentRecordInput,
    @Ctx() context: RequestContext,
  ): Promise<PaymentRecordPayload> {
    // Officers record the receipts they find, analysts the payments they reconstruct.
    return runMutation(context, { role: [Role.OFFICER, Role.ANALYST], agency: 'registered' }, 'payment', (manager, caller) =>
      new PaymentRecordService(manager, caller).record({
        ...input,
        payerId: optionalIdOfType(input.payerId, 'Supplier'),
        payeeId: optionalIdOfType(input.payeeId, 'Supplier'),
        brokerIds: (input.brokerIds ?? []).map((id) => idOfType(id, 'Supplier')),
        seizureIds: (input.seizureIds ?? []).map((id) => idOfType(id, 'Seizure')),
        movementIds: (input.movementIds ?? []).map((id) => idOfType(id, 'Movement')),
      }),
      // A clientKey already used: the record first made with it (null when unreadable).
      recordMet<PaymentEntity>);
  }

  @FieldResolver(() => ID, { description: 'Global, opaque identifier.' })
  id(@Root() payment: PaymentEntity): string {
    return toGlobalId('Payment', payment.id);
  }

  @FieldResolver(() => AgencyType, { description: 'The agency that recorded it and owns the record.' })
  async recordedBy(@Root() payment: PaymentEntity, @Ctx() context: RequestContext): Promise<AgencyEntity> {
    return (await context.loaders.agency.byId.load(payment.agencyId))!;
  }

  @FieldResolver(() => [AgencyType], { description: 'Other agencies that may read it under TLP_AMBER.' })
  sharedWith(@Root() payment: PaymentEntity, @Ctx() context: RequestContext): Promise<AgencyEntity[]> {
    return context.loaders.agency.many(payment.sharedWith);
  }

  @FieldResolver(() => SupplierType, { nullable: true, description: 'Who paid; null when unknown or not readable by the caller.' })
  async payer(@Root() payment: PaymentEntity, @Ctx() context: RequestContext): Promise<SupplierEntity | null> {
    return payment.payerId ? context.loaders.supplier.byId.load(payment.payerId) : null;
  }

  @FieldResolver(() => SupplierType, { nullable: true, description: 'Who was paid; null when unknown or not readable by the caller.' })
  async payee(@Root() payment: PaymentEntity, @Ctx() context: RequestContext): Promise<SupplierEntity | null> {
    return payment.payeeId ? context.loaders.supplier.byId.load(payment.payeeId) : null;
  }

  @FieldResolver(() => [SupplierType], { description: 'The money brokers it passed through, in order from the payer (those the caller may read).' })
  brokers(@Root() payment: PaymentEntity, @Ctx() context: RequestContext): Promise<SupplierEntity[]> {
    return context.loaders.payment.brokersOf.load(payment.id);
  }

  @FieldResolver(() => MoneyType, { nullable: true, description: 'How much, with the currency\'s minor-unit digits; null when unknown.' })
  amount(@Root() payment: PaymentEntity): MoneyType | null {
    return payment.amount === null || payment.currency === null ? null : { amount: formatAmount(payment.amount, payment.currency), currency: payment.currency };
  }

  @FieldResolver(() => PaidForType, { description: 'What it paid for: the seizures and movements the caller may read.' })
  async paidFor(@Root() payment: PaymentEntity, @Ctx() context: RequestContext): Promise<PaidForType> {
    const { seizureIds, movementIds } = await context.loaders.payment.paidForOf.load(payment.id);
    const [seizures, movements] = await Promise.all([context.loaders.seizure.byId.loadMany(seizureIds), context.loaders.movement.byId.loadMany(movementIds)]);
    return { seizures: seizures.filter(isLoaded), movements: movements.filter(isLoaded) };
  }
}
