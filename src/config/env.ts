// The only reader of process.env: validated, typed and frozen at start.
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from '../graphql/limits/query-limits';

/** The environment does not describe a configuration the registry can run with; the message says which variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export interface Config {
  readonly nodeEnv: string;
  readonly production: boolean;
  readonly port: number;
  /** Unset: an embedded PostgreSQL is started with its data under `dataDir`. */
  readonly databaseUrl: string | undefined;
  readonly dataDir: string;
  /** Unset outside production: a development key is made on first start and kept in `dataDir`. */
  readonly jwtSecret: string | undefined;
  readonly jwtIssuer: string | undefined;
  readonly jwtAudience: string | undefined;
  /** How long audit events are kept, in months (at least 12); whole months are dropped. */
  readonly auditRetentionMonths: number;
  /** How long the change feed keeps a change, in days (at least 1); older ones are deleted. */
  readonly changeRetentionDays: number;
  readonly db: {
    readonly poolSize: number;
    /** How long a request waits for a pooled connection before it fails. */
    readonly connectionTimeoutMs: number;
    readonly statementTimeoutMs: number;
  };
  /** Limits of a GraphQL request, checked before anything runs. */
  readonly queryLimits: QueryLimits;
}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got '${raw}'`);
  }
  return value;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? undefined : raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = env.NODE_ENV ?? 'development';
  const production = nodeEnv === 'production';
  const jwtSecret = optional(env, 'JWT_SECRET');
  if (production && !jwtSecret) {
    throw new ConfigError('JWT_SECRET is required when NODE_ENV=production (an HS256 key of at least 32 characters)');
  }
  if (jwtSecret && jwtSecret.length < 32) {
    throw new ConfigError('JWT_SECRET must be at least 32 characters long');
  }
  return Object.freeze({
    nodeEnv,
    production,
    port: integer(env, 'PORT', 4000, 0, 65535),
    databaseUrl: optional(env, 'DATABASE_URL'),
    dataDir: optional(env, 'DATA_DIR') ?? '.data',
    jwtSecret,
    jwtIssuer: optional(env, 'JWT_ISSUER'),
    jwtAudience: optional(env, 'JWT_AUDIENCE'),
    auditRetentionMonths: integer(env, 'AUDIT_RETENTION_MONTHS', 36, 12, 1200),
    changeRetentionDays: integer(env, 'CHANGE_RETENTION_DAYS', 30, 1, 36500),
    db: Object.freeze({
      poolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 500),
      connectionTimeoutMs: integer(env, 'DB_CONNECTION_TIMEOUT_MS', 2000, 100, 600000),
      statementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', 15000, 100, 3600000),
    }),
    queryLimits: Object.freeze({
      maxDocumentBytes: integer(env, 'GRAPHQL_MAX_DOCUMENT_BYTES', DEFAULT_QUERY_LIMITS.maxDocumentBytes, 1024, 10 * 1024 * 1024),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', DEFAULT_QUERY_LIMITS.maxTokens, 100, 1_000_000),
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', DEFAULT_QUERY_LIMITS.maxDepth, 2, 100),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', DEFAULT_QUERY_LIMITS.maxAliases, 0, 10_000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', DEFAULT_QUERY_LIMITS.maxCost, 100, 100_000_000),
    }),
  });
}

/** The log level: LOG_LEVEL, else silent under tests and info otherwise. Read once, by the logger. */
export function logLevel(env: NodeJS.ProcessEnv = process.env): string {
  return optional(env, 'LOG_LEVEL') ?? (env.NODE_ENV === 'test' ? 'silent' : 'info');
}
