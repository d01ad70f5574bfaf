// `npm start`: read the configuration, start (embedded) PostgreSQL if needed, migrate, seed demo
// data into an empty database (never in production), and serve.
import 'reflect-metadata';
import { resolveJwtSecret } from './auth/jwt-secret';
import { ConfigError, loadConfig } from './config/env';
import { openDatabase } from './db/database';
import { createDataSource } from './db/data-source';
import { registryEntities } from './modules';
import { printDemoBanner, signDemoToken } from './demo/demo-banner';
import { seedDemoDataIfEmpty } from './demo/seed';
import { dropExpiredChanges } from './modules/change-feed/change-retention';
import { maintainAuditPartitions } from './modules/audit/audit-retention';
import { createRegistryServer } from './server';
import { logger } from './shared/logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  // This process drains requests on SIGTERM/SIGINT before it stops the embedded database.
  const database = await openDatabase(config, { handleSignals: false });
  const dataSource = createDataSource({
    entities: registryEntities,
    url: database.url,
    poolSize: config.db.poolSize,
    connectionTimeoutMs: config.db.connectionTimeoutMs,
    statementTimeoutMs: config.db.statementTimeoutMs,
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await maintainAuditPartitions(dataSource, config.auditRetentionMonths);
  await dropExpiredChanges(dataSource, config.changeRetentionDays);
  const tokens = { secret: resolveJwtSecret(config), issuer: config.jwtIssuer, audience: config.jwtAudience };
  const seeded = config.production ? false : await seedDemoDataIfEmpty(dataSource);

  // Outside production the console's page carries the demo token, as the banner does.
  const demoToken = config.production ? undefined : await signDemoToken(tokens);
  const server = await createRegistryServer({ dataSource, tokens, logger, production: config.production, limits: config.queryLimits, demoToken });
  await new Promise<void>((resolve) => server.http.listen(config.port, resolve));
  const address = server.http.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  // The signal handlers are in place before anyone is told the registry is ready: a SIGTERM
  // sent on that line drains and stops cleanly.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: draining requests');
    try {
      await server.close();
      await dataSource.destroy();
    } finally {
      await database.stop();
    }
    logger.info('stopped');
    process.exit(0);
  };
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));

  logger.info({ port, embeddedDatabase: database.embedded, seeded, startMs: Date.now() - started }, 'registry ready');
  if (demoToken) printDemoBanner(port, demoToken);
}

main().catch((error) => {
  // A configuration mistake is the operator's to fix from the message alone: no stack trace.
  if (error instanceof ConfigError) logger.fatal({ reason: error.message }, 'invalid configuration');
  else logger.fatal({ err: error }, 'registry failed to start');
  console.error(`The registry could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
