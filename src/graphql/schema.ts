import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ViewerResolver } from '../auth/viewer.resolver';
import { AgencyResolver } from '../modules/agency/agency.resolver';
import { AuditResolver } from '../modules/audit/audit.resolver';
import '../modules/item/item.enums.graphql';
import { ItemResolver } from '../modules/item/item.resolver';
import '../modules/matching/matching.enums.graphql';
import { ItemMatchesResolver, ItemMatchResolver } from '../modules/matching/item-match.resolver';
import { MatchReviewResolver } from '../modules/matching/match-review.resolver';
import { ItemCustodyResolver } from '../modules/movement/item-custody.resolver';
import '../modules/movement/movement.enums.graphql';
import { MovementResolver } from '../modules/movement/movement.resolver';
import { SupplierMovementsResolver } from '../modules/movement/supplier-movements.resolver';
import { RouteResolver } from '../modules/route/route.resolver';
import { SeizureResolver } from '../modules/seizure/seizure.resolver';
import '../modules/supplier/supplier.enums.graphql';
import { SupplierCandidatesResolver } from '../modules/supplier/supplier-candidates.resolver';
import { SupplierMergeResolver } from '../modules/supplier/supplier-merge.resolver';
import { SupplierResolver } from '../modules/supplier/supplier.resolver';
import { SupplyChainResolver } from '../modules/supply-chain/supply-chain.resolver';
import './handling-code';
import { NodeResolver } from './relay/node.resolver';

/** Every resolver of the API, listed explicitly (no globbing): the schema is what this list builds. */
export const resolvers = [
  NodeResolver,
  ViewerResolver,
  AgencyResolver,
  SeizureResolver,
  ItemResolver,
  SupplierResolver,
  MovementResolver,
  SupplierMovementsResolver,
  ItemCustodyResolver,
  SupplyChainResolver,
  RouteResolver,
  ItemMatchResolver,
  ItemMatchesResolver,
  MatchReviewResolver,
  SupplierCandidatesResolver,
  SupplierMergeResolver,
  AuditResolver,
] as const;

export async function buildRegistrySchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [...resolvers],
    // Input rules live in the services, which report them as userErrors with field paths;
    // class-validator would turn them into top-level errors instead.
    validate: false,
  });
  // type-graphql has no option for the root types' descriptions.
  schema.getQueryType()!.description = 'What the caller may read.';
  schema.getMutationType()!.description = 'Changes: each applies whole or not at all, and reports refusals in `userErrors`.';
  return schema;
}
