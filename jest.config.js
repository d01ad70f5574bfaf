// Two projects: fast pure-logic unit tests, and integration tests on a real PostgreSQL
// (one server per run, started in globalSetup; one database per test file).
const swc = ['@swc/jest', require('./src/build/compile-options')];

module.exports = {
  // A bound that proves nothing hangs, not a speed target (integration files start servers).
  testTimeout: 30000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts', '<rootDir>/test/schema.test.ts'],
      transform: { '^.+\\.ts$': swc },
      setupFiles: ['reflect-metadata'],
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      // Browser tests drive the console in Chromium against the same real servers and database.
      testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/browser/**/*.test.ts'],
      transform: { '^.+\\.ts$': swc },
      setupFiles: ['reflect-metadata'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
