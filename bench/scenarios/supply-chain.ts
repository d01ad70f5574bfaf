import { toGlobalId } from '../../src/graphql/relay/global-id';
import { MAX_SUPPLIERS } from '../../src/modules/supply-chain/supply-chain.service';
import { WalkQuery } from '../../src/modules/supply-chain/walk-query';
import { noErrors, type Scenario } from './scenario';
import { positional, type SqlWork } from './sql-session';

export const SUPPLY_CHAIN_DEPTH = 8;

const QUERY = `query SupplyChain($itemId: ID!, $maxDepth: Int!) {
  supplyChain(itemId: $itemId, maxDepth: $maxDepth) {
    nodes { depth supplier { id name role country } }
    edges { depth movement { id occurredAt fromCountry toCountry mode documentRef } }
    origins { id name }
    restricted { agency { code } handling }
    truncated
  }
}`;

/** Upstream from seized items carried by known movements, 8 steps deep. */
export function supplyChain(itemIds: string[]): Scenario<{ itemId: string }> {
  return {
    name: 'supply-chain',
    title: `supplyChain(maxDepth: ${SUPPLY_CHAIN_DEPTH}) from random items`,
    params: (n) => ({ itemId: itemIds[n % itemIds.length] }),
    graphql: ({ itemId }) => ({ query: QUERY, variables: { itemId: toGlobalId('Item', itemId), maxDepth: SUPPLY_CHAIN_DEPTH } }),
    succeeded: noErrors,
    baseline: 'supply-chain',
  };
}

const upstream = new WalkQuery('upstream.sql');

/** The bare recursive walk (src/modules/supply-chain/upstream.sql) under the caller's visibility, rows as they come. */
export const supplyChainSql: SqlWork = async (session, { itemId }: { itemId: string }) => {
  const { sql, params } = upstream.build(session.caller);
  const { clause, values } = positional({
    clause: sql,
    params: { ...params, itemId, seizureId: null, maxDepth: SUPPLY_CHAIN_DEPTH, cap: MAX_SUPPLIERS },
  });
  return session.query(clause, values);
};
