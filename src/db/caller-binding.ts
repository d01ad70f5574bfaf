import type { QueryRunner } from 'typeorm';
import type { CallerAgency, TokenClaims } from '../auth/caller';

/** The NOLOGIN role requests run as; created by the migrations, subject to row-level security. */
export const APP_ROLE = 'registry_app';

/**
 * Binds the caller to the current transaction, in one statement: looks up their agency,
 * sets `app.agency` and `app.subject` (read by the row-level security policies), and
 * switches to the application role. This is the only place the form of that binding lives.
 */
export async function bindCaller(runner: QueryRunner, claims: TokenClaims): Promise<CallerAgency | null> {
  const rows: Array<{ id: string | null; code: string; name: string; jurisdiction: string }> = await runner.query(
    `SELECT a.id, a.code, a.name, a.jurisdiction,
            set_config('app.subject', $2, true),
            set_config('app.agency', coalesce(a.id::text, ''), true),
            set_config('role', $3, true)
       FROM (SELECT 1) AS one LEFT JOIN agency a ON a.code = $1`,
    [claims.agencyCode, claims.subject, APP_ROLE],
  );
  const row = rows[0];
  return row.id ? { id: row.id, code: row.code, name: row.name, jurisdiction: row.jurisdiction } : null;
}
