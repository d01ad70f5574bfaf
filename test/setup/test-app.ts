import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import request from 'supertest';
import type { Role } from '../../src/auth/roles';
import { signToken, type TokenSettings } from '../../src/auth/tokens';
import { createDataSource } from '../../src/db/data-source';
import { registryEntities } from '../../src/modules';
import type { QueryLimits } from '../../src/graphql/limits/query-limits';
import { createRegistryServer, type RegistryServer } from '../../src/server';
import { logger, type Logger } from '../../src/shared/logger';
import { createTestDatabase } from './test-database';

export const TEST_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

export interface TokenFor {
  sub: string;
  agency: string;
  roles: Role[];
  /** Lifetime in seconds (default one hour; negative for an expired token). */
  expiresIn?: number;
}

export interface GraphQLResult<T = any> {
  status: number;
  body: { data?: T; errors?: Array<{ message: string; extensions?: Record<string, any>; path?: string[] }> };
}

export interface TestAppOptions {
  tokens?: Partial<TokenSettings>;
  poolSize?: number;
  /** How long a request waits for a pooled connection (the service's default otherwise). */
  connectionTimeoutMs?: number;
  statementTimeoutMs?: number;
  production?: boolean;
  limits?: QueryLimits;
  logger?: Logger;
  /** Written into the console's page for one-click sign-in (as main.ts does outside production). */
  demoToken?: string;
  /** Planned reads (default on, as served); off to compare with field-by-field reads. */
  plannedReads?: boolean;
  /** A database of the test's own (default: a fresh clone of the migrated template). */
  database?: { url: string; drop(): Promise<void> };
}

/** The registry on its own fresh database, served over real HTTP on a free port. */
export class TestApp {
  private constructor(
    readonly dataSource: DataSource,
    readonly server: RegistryServer,
    readonly baseUrl: string,
    readonly tokens: TokenSettings,
    private readonly dropDatabase: () => Promise<void>,
  ) {}

  static async start(options: TestAppOptions = {}): Promise<TestApp> {
    const database = options.database ?? await createTestDatabase();
    const dataSource = createDataSource({
    entities: registryEntities,
      url: database.url, poolSize: options.poolSize ?? 5,
      connectionTimeoutMs: options.connectionTimeoutMs, statementTimeoutMs: options.statementTimeoutMs,
    });
    await dataSource.initialize();
    const tokens = { secret: TEST_SECRET, ...options.tokens };
    const server = await createRegistryServer({
      dataSource, tokens, logger: options.logger ?? logger, production: options.production ?? false, limits: options.limits,
      demoToken: options.demoToken, plannedReads: options.plannedReads,
    });
    await new Promise<void>((resolve) => server.http.listen(0, '127.0.0.1', resolve));
    const { port } = server.http.address() as AddressInfo;
    return new TestApp(dataSource, server, `http://127.0.0.1:${port}`, tokens, database.drop);
  }

  token(claims: TokenFor): Promise<string> {
    return signToken(
      { subject: claims.sub, agencyCode: claims.agency, roles: claims.roles, expiresIn: claims.expiresIn ?? 3600 },
      this.tokens,
    );
  }

  http() {
    return request(this.baseUrl);
  }

  /** POSTs a GraphQL operation with a bearer token (or none). */
  async graphql<T = any>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResult<T>> {
    const req = this.http().post('/graphql').set('content-type', 'application/json');
    if (token) req.set('authorization', `Bearer ${token}`);
    const res = await req.send({ query, variables });
    return { status: res.status, body: res.body };
  }

  /** Reads the database as its owner, past row-level security: what is really stored. */
  query<T = any>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }

  async stop(): Promise<void> {
    await this.server.close();
    await this.dataSource.destroy();
    await this.dropDatabase();
  }
}
