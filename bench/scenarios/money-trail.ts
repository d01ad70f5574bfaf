import { join } from 'node:path';
import { toGlobalId } from '../../src/graphql/relay/global-id';
import { MAX_SUPPLIERS } from '../../src/modules/supply-chain/supply-chain.service';
import { WalkQuery } from '../../src/modules/supply-chain/walk-query';
import { noErrors, type Scenario } from './scenario';
import { positional, type SqlWork } from './sql-session';

export const MONEY_TRAIL_DEPTH = 8;

export type TrailDirection = 'FOLLOW_MONEY' | 'TOWARDS_PAYERS';

const QUERY = `query MoneyTrail($partyId: ID!, $direction: TrailDirection!, $maxDepth: Int!) {
  moneyTrail(partyId: $partyId, direction: $direction, maxDepth: $maxDepth) {
    nodes { depth supplier { id name role country } }
    edges { depth payment { id method amount { amount currency } paidAt reference } }
    totals { amount currency }
    restricted { agency { code } handling }
    truncated
  }
}`;

/**
 * The money trail 8 hops deep: following the money from buyers (through their brokers to the
 * sellers, and up the trade networks the sellers paid), or towards the payers from sellers paid
 * through brokers (whose other customers come into the trail).
 */
export function moneyTrail(direction: TrailDirection, partyIds: string[]): Scenario<{ partyId: string }> {
  const name = direction === 'FOLLOW_MONEY' ? 'money-trail-follow' : 'money-trail-payers';
  return {
    name,
    title: `moneyTrail(${direction}, maxDepth: ${MONEY_TRAIL_DEPTH}) from ${direction === 'FOLLOW_MONEY' ? 'buyers' : 'sellers paid by hawala'}`,
    params: (n) => ({ partyId: partyIds[n % partyIds.length] }),
    graphql: ({ partyId }) => ({ query: QUERY, variables: { partyId: toGlobalId('Supplier', partyId), direction, maxDepth: MONEY_TRAIL_DEPTH } }),
    succeeded: noErrors,
    baseline: name,
  };
}

const trail = new WalkQuery(join(__dirname, '..', '..', 'src', 'modules', 'money-trail', 'money-trail.sql'));

/** The bare recursive walk (src/modules/money-trail/money-trail.sql) under the caller's visibility, rows as they come. */
const moneyTrailSql = (direction: TrailDirection): SqlWork => async (session, { partyId }: { partyId: string }) => {
  const { sql, params } = trail.build(session.caller);
  const step = direction === 'FOLLOW_MONEY' ? 1 : -1;
  const { clause, values } = positional({ clause: sql, params: { ...params, partyId, direction, step, maxDepth: MONEY_TRAIL_DEPTH, cap: MAX_SUPPLIERS } });
  return session.query(clause, values);
};

export const moneyTrailFollowSql = moneyTrailSql('FOLLOW_MONEY');
export const moneyTrailPayersSql = moneyTrailSql('TOWARDS_PAYERS');
