import { GraphQLError, validate, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { createComplexityRule } from 'graphql-query-complexity';
import { registryCostEstimator } from './cost-estimator';

/** Selections the estimator walks at most, fragments expanded; past it the cost counts as unbounded. */
const MAX_ESTIMATED_NODES = 10_000;

/**
 * The estimated cost of one operation of a validated document, with the request's variables.
 * Variables that do not coerce leave the fields using them unpriced: execution refuses them
 * before any resolver runs. A document whose fragments expand past MAX_ESTIMATED_NODES
 * selections costs Infinity.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  let cost = 0;
  const rule = createComplexityRule({
    maximumComplexity: Number.MAX_SAFE_INTEGER,
    estimators: [registryCostEstimator],
    variables,
    operationName: operation.name?.value,
    maxQueryNodes: MAX_ESTIMATED_NODES,
    onComplete: (complexity) => {
      cost = complexity;
    },
  });
  try {
    validate(schema, document, [rule]);
  } catch (error) {
    if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) return Infinity;
    throw error;
  }
  return cost;
}
