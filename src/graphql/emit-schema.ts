// `npm run schema:emit`: writes schema/schema.graphql from the code. Starting the server never writes it.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../shared/project-root';
import { printRegistrySchema } from './print-schema';
import { registryModules } from '../modules';
import { buildRegistrySchema } from './schema';

buildRegistrySchema(registryModules).then((schema) => {
  const file = join(PROJECT_ROOT, 'schema', 'schema.graphql');
  writeFileSync(file, printRegistrySchema(schema));
  console.log(`wrote ${file}`);
});
