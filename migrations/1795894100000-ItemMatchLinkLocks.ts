import { MigrationInterface, QueryRunner } from 'typeorm';

// The function as ItemMatchLinking made it (LINK), and with the identifier locks taken first.
const HEADER = `CREATE OR REPLACE FUNCTION item_match_link(new_items uuid[]) RETURNS integer
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp SET pg_trgm.similarity_threshold = 0.3 AS $$`;
const LOCKS = `
        -- Writers of the same identifier wait for each other here (locks in one sorted order).
        -- The function is VOLATILE, so the query below takes a fresh snapshot after the wait and
        -- sees the identifiers a concurrent writer committed meanwhile.
        SELECT pg_advisory_xact_lock(hashtextextended(lock_key, 0))
          FROM (SELECT DISTINCT k.kind || ':' || k.field || ':' || k.folded AS lock_key
                  FROM identifier_key k
                 WHERE k.item_id = ANY(new_items) AND k.agency_id = app_agency()
                 ORDER BY 1) AS keys;`;
const LINK = `
        WITH p AS (
          SELECT k.item_id, k.seizure_id, k.kind, k.field, k.key, k.folded, k.has_wildcards AS wild, i.make, i.model
            FROM identifier_key k JOIN item i ON i.id = k.item_id
           WHERE k.item_id = ANY(new_items) AND k.agency_id = app_agency()
        ), found AS (
          SELECT p.item_id AS probe_item, p.field, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND k.folded = p.folded
          UNION
          SELECT p.item_id, p.field, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND p.wild
             AND k.folded LIKE replace(replace(p.folded, '?', '_'), '*', '%')
          UNION
          SELECT p.item_id, p.field, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND k.has_wildcards
             AND k.folded % p.folded AND p.folded LIKE replace(replace(k.folded, '?', '_'), '*', '%')
        ), judged AS (
          SELECT least(p.item_id, k.item_id) AS item_a, greatest(p.item_id, k.item_id) AS item_b,
                 CAST('SAME_' || p.field AS match_basis) AS basis,
                 j.score, j.reasons
            FROM found
            JOIN p ON p.item_id = found.probe_item AND p.field = found.field
            JOIN identifier_key k ON k.item_id = found.item_id AND k.field = found.field
            JOIN item i ON i.id = k.item_id
            CROSS JOIN LATERAL item_match_judge(p.field, p.key, p.make, p.model, k.key, i.make, i.model) AS j
           WHERE k.seizure_id <> p.seizure_id AND j.score IS NOT NULL
        ), stored AS (
          -- A pair already known keeps its decision: a rejected suggestion stays rejected.
          INSERT INTO item_match (item_a, item_b, basis, score, reasons, status)
          SELECT DISTINCT ON (item_a, item_b) item_a, item_b, basis, score, reasons, 'SUGGESTED'
            FROM judged ORDER BY item_a, item_b, score DESC
          ON CONFLICT DO NOTHING
          RETURNING 1
        )
        SELECT CAST(count(*) AS integer) FROM stored`;

/**
 * `item_match_link` takes the advisory locks on the new items' identifiers itself, before it
 * links them, so recording a seizure needs one statement less (the service took them before).
 * Two agencies recording the same serial at the same moment still link both items: the second
 * waits for the first to commit, then sees its identifier.
 */
export class ItemMatchLinkLocks1795894100000 implements MigrationInterface {
  name = 'ItemMatchLinkLocks1795894100000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`${HEADER}${LOCKS}${LINK}
      $$`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`${HEADER}${LINK}
      $$`);
  }
}
