/**
 * Request limits of /graphql, all checked before anything runs. Each is configuration
 * (src/config/env.ts); these are the defaults.
 */
export interface QueryLimits {
  /** UTF-8 bytes of the document (the `query` text), checked before it is parsed. */
  readonly maxDocumentBytes: number;
  /** Lexical tokens of the document (comments not counted), checked before it is parsed. */
  readonly maxTokens: number;
  /** Fields nested inside one another, fragments expanded (introspection fields not counted). */
  readonly maxDepth: number;
  /** Aliased fields in the document. */
  readonly maxAliases: number;
  /** Estimated cost of the operation (see cost-estimator.ts), with its variables. */
  readonly maxCost: number;
}

export const DEFAULT_QUERY_LIMITS: QueryLimits = Object.freeze({
  maxDocumentBytes: 100 * 1024,
  maxTokens: 5000,
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 250_000,
});
