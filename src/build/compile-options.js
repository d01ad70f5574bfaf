// How TypeScript is compiled, for the tests (jest.config.js) and for npm start's build
// (server-build.ts) alike: TypeORM and type-graphql need legacy decorators and their metadata.
// Plain JavaScript: jest.config.js reads it before anything is compiled.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    keepClassNames: true,
    target: 'es2022',
  },
  module: { type: 'commonjs' },
};
