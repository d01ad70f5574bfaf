import { GraphQLError } from 'graphql';

/** A request over the cost limit: QUERY_TOO_COMPLEX, HTTP 400; nothing ran. */
export function queryTooComplex(cost: number, maxCost: number): GraphQLError {
  const value = Number.isFinite(cost) ? `${cost}` : `more than can be estimated (over ${maxCost})`;
  return new GraphQLError(
    `The query's estimated cost is ${value}, over the limit of ${maxCost}: ask for smaller pages (first), a smaller maxDepth, or fewer nested lists.`,
    { extensions: { code: 'QUERY_TOO_COMPLEX', ...(Number.isFinite(cost) ? { cost } : {}), maxCost, http: { status: 400 } } },
  );
}
