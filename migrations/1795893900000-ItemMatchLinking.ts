import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching moves into the database, so the service never sees another agency's identifiers.
 * `item_match_candidates` handed the service every candidate's key, make and model for scoring;
 * `item_match_link` finds the candidates, judges them and stores the matches itself, taking only
 * the ids of the caller's own new items and answering only how many matches it stored.
 * `item_match_judge` is the scoring (pure, in words an analyst reads): 1.0 only for equal, fully
 * readable keys; confusable characters, unreadable characters and make/model agreement or
 * disagreement move a fuzzy score within (0.3, 1).
 */
export class ItemMatchLinking1795893900000 implements MigrationInterface {
  name = 'ItemMatchLinking1795893900000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION item_match_candidates(item_kind[], identifier_field[], text[], boolean[], uuid)`);
    await q.query(`CREATE FUNCTION item_match_judge(
        field identifier_field, in_key text, in_make text, in_model text, ex_key text, ex_make text, ex_model text,
        OUT score numeric, OUT reasons text[])
      LANGUAGE plpgsql IMMUTABLE SET search_path = public, pg_temp AS $$
      DECLARE
        words text := CASE field WHEN 'HIN' THEN 'hull identification number' WHEN 'SERIAL' THEN 'serial number' ELSE 'batch number' END;
        same_make boolean := in_make IS NOT NULL AND ex_make IS NOT NULL
          AND regexp_replace(lower(btrim(in_make)), '[\\s.-]+', ' ', 'g') = regexp_replace(lower(btrim(ex_make)), '[\\s.-]+', ' ', 'g');
        same_model boolean := in_model IS NOT NULL AND ex_model IS NOT NULL
          AND regexp_replace(lower(btrim(in_model)), '[\\s.-]+', ' ', 'g') = regexp_replace(lower(btrim(ex_model)), '[\\s.-]+', ' ', 'g');
        make_differs boolean := in_make IS NOT NULL AND ex_make IS NOT NULL AND NOT same_make;
        runs int := length(in_key || ex_key) - length(replace(in_key || ex_key, '*', ''));
        unreadable int := 0;
        confusions text[] := '{}';
        a text; b text;
      BEGIN
        reasons := '{}';
        IF in_key = ex_key AND in_key !~ '[?*]' THEN
          reasons := reasons || format('same %s after normalisation', words);
          IF same_make THEN reasons := reasons || 'same make'::text; END IF;
          IF make_differs THEN reasons := reasons || format('make differs: %s / %s', ex_make, in_make); END IF;
          score := 1;
          RETURN;
        END IF;
        -- A damaged reading must keep five readable characters to be compared at all.
        IF least(length(regexp_replace(in_key, '[?*]', '', 'g')), length(regexp_replace(ex_key, '[?*]', '', 'g'))) < 5 THEN
          reasons := NULL;
          RETURN;
        END IF;
        IF runs > 0 THEN
          -- A run of unreadable characters: no alignment, only the unreadable characters count.
          unreadable := length(in_key || ex_key) - length(replace(in_key || ex_key, '?', ''));
        ELSIF length(in_key) <> length(ex_key) THEN
          reasons := NULL;
          RETURN;
        ELSE
          FOR i IN 1 .. length(in_key) LOOP
            a := substr(in_key, i, 1);
            b := substr(ex_key, i, 1);
            CONTINUE WHEN a = b;
            IF a = '?' OR b = '?' THEN
              unreadable := unreadable + 1;
            ELSIF translate(a, 'OILSBZ', '011582') = translate(b, 'OILSBZ', '011582') THEN
              confusions := confusions || format('%s read as %s at position %s', b, a, i);
            ELSE
              reasons := NULL;
              RETURN;
            END IF;
          END LOOP;
        END IF;

        score := 0.92 - 0.06 * greatest(0, cardinality(confusions) - 1);
        reasons := confusions;
        IF in_key = ex_key THEN reasons := reasons || format('the same damaged reading of the %s', words); END IF;
        IF unreadable > 0 THEN
          reasons := reasons || format('%s unreadable character%s on a damaged mark', unreadable, CASE WHEN unreadable > 1 THEN 's' ELSE '' END);
          score := score - 0.08 * unreadable;
        END IF;
        IF runs > 0 THEN
          reasons := reasons || 'a run of unreadable characters on a damaged mark'::text;
          score := score - 0.2;
        END IF;
        IF same_make THEN reasons := reasons || 'same make'::text; score := score + 0.04; END IF;
        IF same_model THEN reasons := reasons || 'same model'::text; score := score + 0.02; END IF;
        IF make_differs THEN
          reasons := reasons || format('make differs: %s / %s', ex_make, in_make);
          score := score - 0.25;
        END IF;
        score := round(least(0.99, score), 3);
        IF score <= 0.3 THEN
          score := NULL;
          reasons := NULL;
        END IF;
      END
      $$`);

    // Three index-backed ways to be a candidate: the same folded key (exact or confusable), the
    // new reading's unreadable characters as wildcards, or a stored damaged reading whose
    // wildcards the new reading fills in. A pair found through several fields keeps its best score.
    await q.query(`CREATE FUNCTION item_match_link(new_items uuid[]) RETURNS integer
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp SET pg_trgm.similarity_threshold = 0.3 AS $$
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
        SELECT CAST(count(*) AS integer) FROM stored
      $$`);
    await q.query(`CREATE POLICY item_match_owner_insert ON item_match FOR INSERT TO CURRENT_USER WITH CHECK (true)`);
    await q.query(`REVOKE ALL ON FUNCTION item_match_link(uuid[]) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION item_match_link(uuid[]) TO registry_app`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION item_match_link(uuid[])`);
    await q.query(`DROP POLICY item_match_owner_insert ON item_match`);
    await q.query(`DROP FUNCTION item_match_judge(identifier_field, text, text, text, text, text, text)`);
    await q.query(`CREATE FUNCTION item_match_candidates(
        probe_kind item_kind[], probe_field identifier_field[], probe_folded text[], probe_wild boolean[], exclude_seizure uuid)
      RETURNS TABLE (probe int, item_id uuid, key text, folded text, has_wildcards boolean, make text, model text)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET pg_trgm.similarity_threshold = 0.3 AS $$
        WITH p AS (
          SELECT CAST(ord AS int) AS probe, kind, field, folded, wild
            FROM unnest(probe_kind, probe_field, probe_folded, probe_wild) WITH ORDINALITY AS t(kind, field, folded, wild, ord)
        ), found AS (
          SELECT p.probe, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND k.folded = p.folded
          UNION
          SELECT p.probe, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND p.wild
             AND k.folded LIKE replace(replace(p.folded, '?', '_'), '*', '%')
          UNION
          SELECT p.probe, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND k.has_wildcards
             AND k.folded % p.folded AND p.folded LIKE replace(replace(k.folded, '?', '_'), '*', '%')
        )
        SELECT found.probe, k.item_id, k.key, k.folded, k.has_wildcards, i.make, i.model
          FROM found
          JOIN p ON p.probe = found.probe
          JOIN identifier_key k ON k.item_id = found.item_id AND k.field = p.field
          JOIN item i ON i.id = k.item_id
         WHERE k.seizure_id <> exclude_seizure
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION item_match_candidates(item_kind[], identifier_field[], text[], boolean[], uuid) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION item_match_candidates(item_kind[], identifier_field[], text[], boolean[], uuid) TO registry_app`);
  }
}
