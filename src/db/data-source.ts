import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { logger } from '../shared/logger';
import { SnakeNamingStrategy } from './snake-naming.strategy';
import { CountingLogger } from './statement-counter';

export interface DataSourceOptions {
  url: string;
  /** The entities to map: the modules' (src/modules), handed down by the entry points, so that db/ knows no module. */
  entities: Function[];
  poolSize?: number;
  connectionTimeoutMs?: number;
  statementTimeoutMs?: number;
}

/** The one way the registry connects to PostgreSQL. `synchronize` is never on: migrations own the schema. */
export function createDataSource(options: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    namingStrategy: new SnakeNamingStrategy(),
    logger: new CountingLogger(['error', 'warn']),
    poolSize: options.poolSize ?? 10,
    // An idle pooled connection that the server closes (a restart, pg_terminate_backend) is
    // dropped from the pool; without a listener node-postgres would crash the process.
    poolErrorHandler: (error: Error) => logger.warn({ err: error }, 'idle database connection lost'),
    // Also bounds the wait for a free pooled connection: a request fails instead of hanging.
    connectTimeoutMS: options.connectionTimeoutMs ?? 2000,
    extra: {
      statement_timeout: options.statementTimeoutMs ?? 15000,
      application_name: 'seizure-registry',
    },
  });
}
