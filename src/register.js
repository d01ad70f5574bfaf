// Loads TypeScript on the fly with decorator metadata (TypeORM and type-graphql need it).
require('@swc-node/register');
require('reflect-metadata');
