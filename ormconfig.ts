// The DataSource for the TypeORM CLI (`npm run migration:generate|run|revert`): DATABASE_URL,
// or the embedded PostgreSQL under ./.data, which is stopped when the CLI destroys the DataSource.
import 'reflect-metadata';
import { loadConfig } from './src/config/env';
import { openDatabase } from './src/db/database';
import { createDataSource } from './src/db/data-source';
import { registryEntities } from './src/modules';

export default (async () => {
  const database = await openDatabase(loadConfig());
  const dataSource = createDataSource({ entities: registryEntities, url: database.url });
  const destroy = dataSource.destroy.bind(dataSource);
  dataSource.destroy = async () => {
    await destroy();
    await database.stop();
  };
  return dataSource;
})();
