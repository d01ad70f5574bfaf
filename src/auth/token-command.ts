// `npm run token -- --sub NAME --agency CODE --role ROLE [--role ROLE] [--days N]`: prints a
// signed token for the configured JWT_SECRET (or the development key under the data folder).
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/env';
import { resolveJwtSecret } from './jwt-secret';
import { isRole, ROLES } from './roles';
import { signToken } from './tokens';

async function run(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sub: { type: 'string' },
      agency: { type: 'string' },
      role: { type: 'string', multiple: true },
      days: { type: 'string', default: '1' },
    },
  });
  const roles = values.role ?? [];
  const days = Number(values.days);
  if (!values.sub || !values.agency || roles.length === 0) {
    throw new Error('usage: npm run token -- --sub NAME --agency CODE --role ROLE [--role ROLE] [--days N]');
  }
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length) throw new Error(`unknown role ${unknown.join(', ')}; roles are ${ROLES.join(', ')}`);
  if (!(days > 0 && days <= 366)) throw new Error('--days must be between 1 and 366');

  const config = loadConfig();
  const token = await signToken(
    { subject: values.sub, agencyCode: values.agency.toUpperCase(), roles: roles.filter(isRole), expiresIn: Math.round(days * 86400) },
    { secret: resolveJwtSecret(config), issuer: config.jwtIssuer, audience: config.jwtAudience },
  );
  process.stdout.write(`${token}\n`);
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
