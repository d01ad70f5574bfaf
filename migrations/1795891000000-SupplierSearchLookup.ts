import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The index-backed first step of supplier search. Under row-level security PostgreSQL keeps
 * operators that are not LEAKPROOF (pg_trgm's `<<%`, LIKE) out of index conditions, so the app
 * role could only scan and filter. This SECURITY DEFINER function runs the trigram lookup on
 * `supplier_search_trgm_idx` as the owner, applies the caller's visibility itself
 * (`app_can_read` reads the caller's transaction settings), and returns only ids the caller may
 * read; the search then refines and scores those rows under the policies as usual.
 * With FORCE ROW LEVEL SECURITY the owner needs a policy of its own to see rows when it is not
 * a superuser: `supplier_owner_read`.
 */
export class SupplierSearchLookup1795891000000 implements MigrationInterface {
  name = 'SupplierSearchLookup1795891000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE POLICY supplier_owner_read ON supplier FOR SELECT TO CURRENT_USER USING (true)`);
    await q.query(`CREATE FUNCTION supplier_search_lookup(tokens text[], patterns text[], threshold real)
      RETURNS SETOF uuid LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp ROWS 50 AS $$
      BEGIN
        PERFORM set_config('pg_trgm.strict_word_similarity_threshold', threshold::text, true);
        RETURN QUERY
          SELECT s.id FROM unnest(tokens) AS q(token) JOIN supplier s ON q.token <<% s.search_text
           WHERE app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by)
          UNION
          SELECT s.id FROM unnest(patterns) AS p(pattern) JOIN supplier s ON s.search_text LIKE p.pattern
           WHERE app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by);
      END $$`);
    await q.query(`REVOKE ALL ON FUNCTION supplier_search_lookup(text[], text[], real) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION supplier_search_lookup(text[], text[], real) TO registry_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION supplier_search_lookup(text[], text[], real)`);
    await q.query(`DROP POLICY supplier_owner_read ON supplier`);
  }
}
