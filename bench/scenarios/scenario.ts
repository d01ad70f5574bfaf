import type { PeerRead } from '../peer/peer-read';

/**
 * Who serves a measurement: the registry (GraphQL), the same SQL over the same HTTP server, the
 * same SQL in-process, or the peer (PostGraphile 5 over the same database, as the same caller).
 */
export type Layer = 'graphql' | 'http-baseline' | 'floor' | 'peer';

/** A digit per layer, in the references and identifiers writes make, so no layer meets another's records. */
export const LAYER_DIGIT: Record<Layer, number> = { graphql: 1, 'http-baseline': 2, floor: 3, peer: 4 };

export interface GraphQLRequest {
  query: string;
  variables: Record<string, unknown>;
}

/**
 * One job the registry does, measured three ways (four with the peer). `params(n, layer)` gives
 * the n-th request's inputs (writes need a fresh reference for every request, in every layer);
 * `graphql` turns them into the registry request; `baseline` names the SQL work
 * (bench/scenarios/baselines.ts) that does the same with plain `pg`; `peer`, for reads, the same
 * read asked of PostGraphile.
 */
export interface Scenario<P = any> {
  name: string;
  title: string;
  params(n: number, layer: Layer): P;
  graphql(params: P): GraphQLRequest;
  /** Whether a GraphQL answer is a success (not a GraphQL error nor a user error). */
  succeeded(body: string): boolean;
  baseline: string | null;
  peer?: PeerRead<P>;
}

export const noErrors = (body: string) => !body.includes('"errors"');
