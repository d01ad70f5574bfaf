import { Role } from '../auth/roles';
import { signToken, type TokenSettings } from '../auth/tokens';
import { DEMO_AGENCY, DEMO_SUBJECT } from './demo-data';

const THIRTY_DAYS = 30 * 24 * 3600;

/** The demo token: an OFFICER and ANALYST of the demo agency, valid 30 days (never made in production). */
export function signDemoToken(tokens: TokenSettings): Promise<string> {
  return signToken({ subject: DEMO_SUBJECT, agencyCode: DEMO_AGENCY, roles: [Role.OFFICER, Role.ANALYST], expiresIn: THIRTY_DAYS }, tokens);
}

/** Prints (on standard output, not in the logs) where the registry listens and a demo token to try it. */
export function printDemoBanner(port: number, token: string): void {
  process.stdout.write(
    [
      '',
      `Seizure registry: console at http://localhost:${port}/ (sign in with the demo token in one click)`,
      `GraphQL at http://localhost:${port}/graphql`,
      `Demo token (OFFICER and ANALYST of ${DEMO_AGENCY}, valid 30 days):`,
      '',
      token,
      '',
      'Try:',
      `  curl -s localhost:${port}/graphql -H 'content-type: application/json' \\`,
      `    -H "authorization: Bearer <token>" \\`,
      `    -d '{"query":"{ seizures(first: 5) { totalCount nodes { reference jurisdiction agency { code } } } }"}'`,
      '',
    ].join('\n'),
  );
}
