import { templateDatabase, withServerClient } from './test-database';

export default async function globalTeardown(): Promise<void> {
  await withServerClient((client) => client.query(`DROP DATABASE IF EXISTS ${templateDatabase()} WITH (FORCE)`));
  await globalThis.registryTestServer?.stop();
}
