import type { CallerAgency, TokenClaims } from '../auth/caller';

/** The NOLOGIN role requests run as; created by the migrations, subject to row-level security. */
export const APP_ROLE = 'registry_app';

/** What opening a bound transaction needs of a node-postgres client. */
export interface BindingClient {
  query(text: string): Promise<unknown>;
  escapeLiteral(value: string): string;
}

interface AgencyRow {
  id: string | null;
  code: string;
  name: string;
  jurisdiction: string;
}

/**
 * The statement that binds the caller to the current transaction: looks up their agency, sets
 * `app.agency` and `app.subject` (read by the row-level security policies), and switches to the
 * application role. This is the only place the form of that binding lives. Its values are
 * literals escaped by the driver, so that it can follow BEGIN in one simple query (which takes
 * no parameters); the claims were bounded and checked for control characters when the token was
 * verified.
 */
export function bindingStatement(claims: TokenClaims, literal: (value: string) => string): string {
  return `SELECT a.id, a.code, a.name, a.jurisdiction,
            set_config('app.subject', ${literal(claims.subject)}, true),
            set_config('app.agency', coalesce(a.id::text, ''), true),
            set_config('role', ${literal(APP_ROLE)}, true)
       FROM (SELECT 1) AS one LEFT JOIN agency a ON a.code = ${literal(claims.agencyCode)}`;
}

/**
 * Opens a transaction bound to the caller in one round trip (BEGIN and the binding statement in
 * one simple query), and returns the caller's agency, null when its code is not registered.
 * `sent` is told the text, for the statement count.
 */
export async function beginAsCaller(client: BindingClient, claims: TokenClaims, sent: (text: string) => void = () => undefined): Promise<CallerAgency | null> {
  // A NUL would end the statement's text on the wire; verified tokens cannot carry one.
  if ([claims.subject, claims.agencyCode].some((value) => value.includes('\u0000'))) throw new Error('a token claim holds a NUL character');
  const text = `BEGIN; ${bindingStatement(claims, (value) => client.escapeLiteral(value))}`;
  sent(text);
  const results = (await client.query(text)) as Array<{ rows: AgencyRow[] }>;
  const row = results[1].rows[0];
  return row.id ? { id: row.id, code: row.code, name: row.name, jurisdiction: row.jurisdiction } : null;
}
