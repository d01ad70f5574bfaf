import { Field, Int, ObjectType } from 'type-graphql';
import { CountryCodeScalar } from '../../graphql/scalars/country-code';
import { HandlingCode } from '../../shared/handling';
import { AgencyType } from '../agency/agency.type';
import type { AgencyEntity } from '../agency/agency.entity';
import type { MovementEntity } from '../movement/movement.entity';
import { MovementType } from '../movement/movement.type';
import type { SeizureEntity } from '../seizure/seizure.entity';
import { SeizureType } from '../seizure/seizure.type';
import type { SupplierEntity } from '../supplier/supplier.entity';
import { SupplierType } from '../supplier/supplier.type';

@ObjectType('RestrictedHit', { description: 'A record the caller may not read exists: who owns it, so the caller can ask (hit/no-hit).' })
export class RestrictedHitType {
  @Field(() => AgencyType, { description: 'The agency that owns the record.' })
  agency: AgencyEntity;

  @Field(() => CountryCodeScalar, { description: 'That agency\'s country.' })
  jurisdiction: string;

  @Field(() => HandlingCode, { description: 'The record\'s handling code.' })
  handling: HandlingCode;
}

@ObjectType('SupplyChainNode', { description: 'A supplier reached by a walk, at its smallest depth.' })
export class SupplyChainNodeType {
  @Field(() => SupplierType, { description: 'The supplier.' })
  supplier: SupplierEntity;

  @Field(() => Int, { description: 'Steps from the start: 1 for the parties of the movements that carried the start items.' })
  depth: number;
}

@ObjectType('SupplyChainEdge', { description: 'A movement walked, at the depth of its sender.' })
export class SupplyChainEdgeType {
  @Field(() => MovementType, { description: 'The movement.' })
  movement: MovementEntity;

  @Field(() => Int, { description: '1 for the movements that carried the start items, d+1 for a movement received by a supplier at depth d.' })
  depth: number;
}

@ObjectType('SupplyChain', { description: 'Where seized goods came from: the suppliers and movements upstream of them.' })
export class SupplyChainType {
  @Field(() => [SupplyChainNodeType], { description: 'Each supplier once, at its smallest depth; by depth, then name.' })
  nodes: SupplyChainNodeType[];

  @Field(() => [SupplyChainEdgeType], { description: 'The movements walked; by depth, then time.' })
  edges: SupplyChainEdgeType[];

  @Field(() => [SupplierType], { description: 'Suppliers in the result with no known supplier of their own, by name.' })
  origins: SupplierEntity[];

  @Field(() => [RestrictedHitType], { description: 'Steps the caller may not read: who to ask, once per agency and handling.' })
  restricted: RestrictedHitType[];

  @Field({ description: 'True when a step existed beyond what was returned (beyond maxDepth or the size cap).' })
  truncated: boolean;
}

@ObjectType('SupplierReach', { description: 'Where a supplier\'s goods went: the suppliers downstream and the seizures they ended up in.' })
export class SupplierReachType {
  @Field(() => [SupplyChainNodeType], { description: 'Downstream suppliers, each once at its smallest depth; by depth, then name.' })
  suppliers: SupplyChainNodeType[];

  @Field(() => [SeizureType], { description: 'Readable seizures holding goods that passed through the supplier; by time seized.' })
  seizures: SeizureEntity[];

  @Field(() => [CountryCodeScalar], { description: 'Where those seizures happened, sorted.' })
  jurisdictions: string[];

  @Field(() => [RestrictedHitType], { description: 'Steps the caller may not read: who to ask, once per agency and handling.' })
  restricted: RestrictedHitType[];

  @Field({ description: 'True when a step existed beyond what was returned (beyond maxDepth or the size cap).' })
  truncated: boolean;
}
