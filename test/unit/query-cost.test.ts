// The cost estimate on the real schema: every screen an analyst needs is under the default
// limit, every multiplying bomb over it, and variables count as if written in the query.
import { getOperationAST, parse, type GraphQLSchema } from 'graphql';
import { operationCost } from '../../src/graphql/limits/operation-cost';
import { DEFAULT_QUERY_LIMITS } from '../../src/graphql/limits/query-limits';
import { buildRegistrySchema } from '../../src/graphql/schema';
import { registryModules } from '../../src/modules';
import {
  CONNECTION_BOMB,
  CONNECTION_BOMB_WITH_VARIABLES,
  SEIZURE_PAGE,
  SUPPLIER_REACH_SCREEN,
  SUPPLY_CHAIN_SCREEN,
  WALK_BOMB,
} from '../support/screen-queries';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildRegistrySchema(registryModules);
});

function costOf(query: string, variables: Record<string, unknown> = {}): number {
  const document = parse(query);
  return operationCost(schema, document, getOperationAST(document)!, variables);
}

const LIMIT = DEFAULT_QUERY_LIMITS.maxCost;

describe('the default cost limit', () => {
  it.each([
    ['a page of 100 seizures with their items and matches', SEIZURE_PAGE, {}],
    ['a supply chain at depth 20', SUPPLY_CHAIN_SCREEN, { seizureId: 'x' }],
    ['a supplier reach at depth 20 with its seizures', SUPPLIER_REACH_SCREEN, { supplierId: 'x' }],
  ])('lets %s through', (_name, query, variables) => {
    const cost = costOf(query, variables);
    expect(cost).toBeGreaterThan(0);
    expect(cost).toBeLessThanOrEqual(LIMIT);
  });

  it.each([
    ['nested connections of 100 in 100 in 100', CONNECTION_BOMB, {}],
    ['the same with its page sizes in variables', CONNECTION_BOMB_WITH_VARIABLES, { a: 100, b: 100, c: 100 }],
    ['a depth-20 walk listing 100 movements of every supplier', WALK_BOMB, { seizureId: 'x' }],
  ])('refuses %s', (_name, query, variables) => {
    expect(costOf(query, variables)).toBeGreaterThan(LIMIT);
  });
});

describe('the estimate', () => {
  it('gives a connection 1 plus first times its selection, with the default page size of 20', () => {
    expect(costOf('{ seizures { totalCount } }')).toBe(1);
    expect(costOf('{ seizures { nodes { id reference } } }')).toBe(1 + 20 * 1);
    expect(costOf('{ seizures(first: 50) { nodes { id agency { code } } } }')).toBe(1 + 50 * 2);
    expect(costOf('{ seizures(first: 0) { nodes { id } } }')).toBe(1);
  });

  it('reads `first` from the variables', () => {
    const query = 'query ($n: Int) { seizures(first: $n) { nodes { id } } }';
    expect(costOf(query, { n: 5 })).toBe(6);
    expect(costOf(query, { n: 100 })).toBe(101);
    expect(costOf(query, {})).toBe(21);
  });

  it('counts `last` as it counts `first`, from the query or the variables', () => {
    expect(costOf('{ seizures(last: 50) { nodes { id agency { code } } } }')).toBe(1 + 50 * 2);
    expect(costOf('query ($n: Int) { items(last: $n, before: "c") { nodes { id } } }', { n: 7 })).toBe(8);
    expect(costOf('{ seizures(last: 100000000) { nodes { id } } }')).toBe(101);
    expect(costOf('{ seizures(first: 1) { nodes { items(last: 30) { nodes { id } } } } }')).toBe(1 + 1 * (1 + (1 + 30 * 1)));
    // Refused by the resolver, but priced at the larger of the two so the estimate never undercounts.
    expect(costOf('{ seizures(first: 5, last: 60) { nodes { id } } }')).toBe(61);
  });

  it('counts a `first` over 100 as 100 (its resolver refuses it before anything runs)', () => {
    expect(costOf('{ seizures(first: 100000000) { nodes { id } } }')).toBe(101);
  });

  it('grows a walk with maxDepth, counting anything above 20 as 20', () => {
    const walk = (depth: number) => costOf(`{ supplierReach(supplierId: "x", maxDepth: ${depth}) { suppliers { depth } } }`);
    expect(walk(1)).toBeLessThan(walk(10));
    expect(walk(10)).toBeLessThan(walk(20));
    expect(walk(1000)).toBe(walk(20));
    expect(costOf('{ supplierReach(supplierId: "x") { suppliers { depth } } }')).toBe(walk(10));
  });

  it('leaves an operation whose variables do not coerce unpriced: execution refuses it before anything runs', () => {
    expect(costOf('query ($n: Int) { seizures(first: $n) { nodes { id } } }', { n: 'many' })).toBe(0);
  });

  it('counts a fragment bomb that expands past what can be estimated as unbounded', () => {
    // Each fragment spreads the next twice: 2^20 selections once expanded, from 21 short lines.
    const fragments = Array.from({ length: 20 }, (_, i) => `fragment D${i} on Seizure { ...D${i + 1} ...D${i + 1} }`);
    const bomb = `{ seizures { nodes { ...D0 } } } ${fragments.join(' ')} fragment D20 on Seizure { agency { code } }`;
    expect(costOf(bomb)).toBe(Infinity);
  });
});
