import { Field, Int, ObjectType } from 'type-graphql';
import { MoneyType } from '../../graphql/money';
import type { PaymentEntity } from '../payment/payment.entity';
import { PaymentType } from '../payment/payment.type';
import { RestrictedHitType, SupplyChainNodeType } from '../supply-chain/supply-chain.type';

@ObjectType('MoneyTrailEdge', { description: 'A payment walked, at the depth of its far end.' })
export class MoneyTrailEdgeType {
  @Field(() => PaymentType, { description: 'The payment.' })
  payment: PaymentEntity;

  @Field(() => Int, { description: 'Hops from the start to the payment\'s payee (following the money) or its payer (towards the payers): it may lie beyond maxDepth when only part of the payment\'s chain is within it.' })
  depth: number;
}

@ObjectType('MoneyTrail', { description: 'Where a party\'s money went, or came from: the parties and payments along the way.' })
export class MoneyTrailType {
  @Field(() => [SupplyChainNodeType], { description: 'Parties, each once at its smallest depth (hops from the start, each broker one hop); by depth, then name.' })
  nodes: SupplyChainNodeType[];

  @Field(() => [MoneyTrailEdgeType], { description: 'The payments walked; by depth, then time paid (unknown last).' })
  edges: MoneyTrailEdgeType[];

  @Field(() => [RestrictedHitType], { description: 'Payments and parties the caller may not read where the walk stopped: who to ask, once per agency and handling.' })
  restricted: RestrictedHitType[];

  @Field({ description: 'True when a party existed beyond what was returned (beyond maxDepth or the size cap).' })
  truncated: boolean;

  @Field(() => [MoneyType], { description: 'The sum of the edges\' amounts, one per currency (never converted), by currency code.' })
  totals: MoneyType[];
}
