// The peer's configuration (run by the Node 22 of .data/bench-peer, never by the registry):
// PostGraphile's Amber preset over schema `public` of the bench database, each request bound
// as the registry binds its caller (src/db/caller-binding.ts): role registry_app, app.agency =
// the caller agency's id, app.subject = the caller's subject, so row-level security shows it
// the same records.
import jwt from 'jsonwebtoken';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';

/** The role requests run as, as in src/db/caller-binding.ts. */
const APP_ROLE = 'registry_app';

/**
 * The enum item_condition would be named ItemCondition, the name of the generated input that
 * filters items by column (`condition:` on item connections): call the enum ItemConditionEnum.
 */
const RenameItemConditionPlugin = {
  name: 'BenchRenameItemConditionPlugin',
  version: '0.0.0',
  inflection: {
    replace: {
      enumType(previous, _options, codec) {
        return codec.extensions?.pg?.name === 'item_condition' ? 'ItemConditionEnum' : previous(codec);
      },
    },
  },
};

/**
 * The caller of a request, from its bearer token (HS256, the registry's secret, `sub` and
 * `agency` claims as the registry reads them), as PostgreSQL settings. An agency the
 * registry does not know binds app.agency to '' (reads nothing), as the registry does.
 */
export function callerSettings(authorization, secret, agencyIds) {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  if (!token) throw new Error('no bearer token');
  const claims = jwt.verify(token, secret, { algorithms: ['HS256'] });
  if (typeof claims.sub !== 'string' || typeof claims.agency !== 'string') throw new Error('the token has no subject or agency');
  return {
    role: APP_ROLE,
    'app.agency': agencyIds.get(claims.agency.trim().toUpperCase()) ?? '',
    'app.subject': claims.sub,
  };
}

/** The preset: `pool` is the peer's own (its size the registry's), `agencyIds` maps agency codes to ids. */
export function benchPreset({ pool, secret, agencyIds }) {
  return {
    extends: [PostGraphileAmberPreset],
    plugins: [RenameItemConditionPlugin],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafast: {
      explain: false,
      context(requestContext) {
        const req = requestContext.node?.req;
        return { pgSettings: callerSettings(req?.headers.authorization, secret, agencyIds) };
      },
    },
    grafserv: { graphiql: false, watch: false, maxRequestLength: 100_000 },
    schema: { exportSchemaSDLPath: process.env.BENCH_PEER_SCHEMA_FILE || undefined },
  };
}
