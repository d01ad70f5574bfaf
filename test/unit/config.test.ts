import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveJwtSecret } from '../../src/auth/jwt-secret';
import { loadConfig } from '../../src/config/env';

const LONG_SECRET = 'a-configured-hs256-key-of-forty-characters';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      production: false,
      port: 4000,
      databaseUrl: undefined,
      dataDir: '.data',
      jwtSecret: undefined,
      jwtIssuer: undefined,
      jwtAudience: undefined,
      db: { poolSize: 10, connectionTimeoutMs: 2000 },
      queryLimits: { maxDocumentBytes: 102400, maxTokens: 5000, maxDepth: 12, maxAliases: 30, maxCost: 250000 },
    });
  });

  it('reads the request limits', () => {
    const config = loadConfig({
      GRAPHQL_MAX_DOCUMENT_BYTES: '20480',
      GRAPHQL_MAX_TOKENS: '1000',
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_ALIASES: '5',
      GRAPHQL_MAX_COST: '1000000',
    });
    expect(config.queryLimits).toEqual({ maxDocumentBytes: 20480, maxTokens: 1000, maxDepth: 8, maxAliases: 5, maxCost: 1000000 });
  });

  it('reads what is set', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      PORT: '8080',
      DATABASE_URL: 'postgres://registry@db.internal/registry',
      JWT_SECRET: LONG_SECRET,
      JWT_ISSUER: 'registry-idp',
      JWT_AUDIENCE: 'registry',
    });
    expect(config).toMatchObject({
      production: true,
      port: 8080,
      databaseUrl: 'postgres://registry@db.internal/registry',
      jwtSecret: LONG_SECRET,
      jwtIssuer: 'registry-idp',
      jwtAudience: 'registry',
    });
  });

  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ['production without JWT_SECRET', { NODE_ENV: 'production' }, /JWT_SECRET/],
    ['production with a blank JWT_SECRET', { NODE_ENV: 'production', JWT_SECRET: '   ' }, /JWT_SECRET/],
    ['a JWT_SECRET shorter than 32 characters', { JWT_SECRET: 'short-secret' }, /JWT_SECRET/],
    ['a port that is not a number', { PORT: 'abc' }, /PORT/],
    ['a port out of range', { PORT: '70000' }, /PORT/],
    ['a pool size of zero', { DB_POOL_SIZE: '0' }, /DB_POOL_SIZE/],
    ['a cost limit that is not a number', { GRAPHQL_MAX_COST: 'lots' }, /GRAPHQL_MAX_COST/],
    ['a depth limit of zero', { GRAPHQL_MAX_DEPTH: '0' }, /GRAPHQL_MAX_DEPTH/],
  ])('refuses %s, naming the variable', (_name, env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('resolveJwtSecret', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'registry-config-test-')), 'nested', 'data');
  });
  afterEach(() => rmSync(join(dataDir, '..', '..'), { recursive: true, force: true }));

  it('makes a development key on first call, readable only by its owner, and returns it again later', () => {
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = resolveJwtSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(32);

    const file = join(dataDir, 'jwt-secret');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);

    expect(resolveJwtSecret(loadConfig({ DATA_DIR: dataDir }))).toBe(first);
  });

  it('makes a different key for another data folder', () => {
    const other = mkdtempSync(join(tmpdir(), 'registry-config-test-other-'));
    try {
      expect(resolveJwtSecret(loadConfig({ DATA_DIR: dataDir }))).not.toBe(resolveJwtSecret(loadConfig({ DATA_DIR: other })));
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('returns JWT_SECRET when it is set, and writes no key file', () => {
    expect(resolveJwtSecret(loadConfig({ DATA_DIR: dataDir, JWT_SECRET: LONG_SECRET }))).toBe(LONG_SECRET);
    expect(existsSync(join(dataDir, 'jwt-secret'))).toBe(false);
  });

  it('never makes a key in production', () => {
    const config = { ...loadConfig({ DATA_DIR: dataDir }), production: true };
    expect(() => resolveJwtSecret(config)).toThrow(/JWT_SECRET/);
    expect(existsSync(join(dataDir, 'jwt-secret'))).toBe(false);
  });
});
