// The real registry, in this process: scratch database, migrations, HTTP server on a free port,
// and a way to sign tokens it accepts. Everything started is registered for cleanup.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Role } from '../../src/auth/roles';
import { signToken, type TokenSettings } from '../../src/auth/tokens';
import { createDataSource } from '../../src/db/data-source';
import { registryEntities } from '../../src/modules';
import { createRegistryServer } from '../../src/server';
import { logger } from '../../src/shared/logger';
import type { Cleanup } from './cleanup';
import { closeDataSource } from './close-pool';
import { GraphQLClient } from './graphql-client';
import { openScratchDatabase } from './scratch-database';

export interface Registry {
  client: GraphQLClient;
  baseUrl: string;
  database: string;
  token(subject: string, agencyCode: string, roles: Role[]): Promise<string>;
}

export async function startRegistry(cleanup: Cleanup, progress: (line: string) => void): Promise<Registry> {
  // The server's own logs go to standard error; keep them to warnings unless LOG_LEVEL says otherwise.
  logger.level = process.env.LOG_LEVEL ?? 'warn';

  const serverUrl = process.env.DATABASE_URL || undefined;
  progress(serverUrl ? 'creating a scratch database on DATABASE_URL\'s server...' : 'starting a throwaway embedded PostgreSQL...');
  const database = await openScratchDatabase(serverUrl, cleanup);

  const dataSource = createDataSource({ entities: registryEntities, url: database.url });
  await dataSource.initialize();
  cleanup.add('close the database pool', () => closeDataSource(dataSource));
  progress('migrating...');
  await dataSource.runMigrations({ transaction: 'each' });

  const tokens: TokenSettings = { secret: randomBytes(32).toString('hex') };
  const server = await createRegistryServer({ dataSource, tokens, logger, production: false });
  await new Promise<void>((resolve, reject) => {
    server.http.once('error', reject);
    server.http.listen(0, '127.0.0.1', () => resolve());
  });
  cleanup.add('stop the registry server', () => server.close());
  const { port } = server.http.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  progress(`registry listening on ${baseUrl}`);

  return {
    client: new GraphQLClient(baseUrl),
    baseUrl,
    database: database.description,
    token: (subject, agencyCode, roles) => signToken({ subject, agencyCode, roles, expiresIn: 3600 }, tokens),
  };
}
