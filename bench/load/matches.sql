-- The matches the service would have stored while the dataset was recorded, item by item in time
-- order: for each pair, the later item (p) was looked up against the earlier one (k) with the
-- candidate conditions of item_match_link, judged by the service's own item_match_judge, and the
-- best field kept. Same folded keys are searched across the whole dataset; damaged readings
-- (wildcards) only among readings of the same identity (bench_identity, from the generator),
-- since a LIKE search of every damaged reading against a million keys would take longer than
-- the rest of the load. Needs `SET pg_trgm.similarity_threshold = 0.3`, as item_match_link has.
WITH key AS MATERIALIZED (
  SELECT k.item_id, k.seizure_id, k.kind, k.field, k.key, k.folded, k.has_wildcards, i.make, i.model, i.recorded_at
    FROM identifier_key k JOIN item i ON i.id = k.item_id
),
pair AS (
  SELECT a.item_id AS x, b.item_id AS y, a.field
    FROM identifier_key a
    JOIN identifier_key b ON b.kind = a.kind AND b.field = a.field AND b.folded = a.folded AND b.item_id > a.item_id
  UNION
  SELECT a.item_id, b.item_id, a.field
    FROM bench_identity ga
    JOIN bench_identity gb ON gb.identity = ga.identity AND gb.item_id > ga.item_id
    JOIN identifier_key a ON a.item_id = ga.item_id
    JOIN identifier_key b ON b.item_id = gb.item_id AND b.field = a.field AND b.kind = a.kind
   WHERE a.has_wildcards OR b.has_wildcards
),
oriented AS (
  SELECT x AS p_item, y AS k_item, field FROM pair
  UNION ALL
  SELECT y, x, field FROM pair
),
candidate AS MATERIALIZED (
  SELECT p.item_id AS p_item, k.item_id AS k_item, p.field, p.key AS p_key, p.make AS p_make, p.model AS p_model,
         k.key AS k_key, k.make AS k_make, k.model AS k_model, p.recorded_at
    FROM oriented o
    JOIN key p ON p.item_id = o.p_item AND p.field = o.field
    JOIN key k ON k.item_id = o.k_item AND k.field = o.field
   WHERE (p.recorded_at, p.item_id) > (k.recorded_at, k.item_id)
     AND p.seizure_id <> k.seizure_id
     AND (p.folded = k.folded
          OR (p.has_wildcards AND k.folded LIKE replace(replace(p.folded, '?', '_'), '*', '%'))
          OR (k.has_wildcards AND k.folded % p.folded AND p.folded LIKE replace(replace(k.folded, '?', '_'), '*', '%')))
),
judged AS (
  SELECT least(c.p_item, c.k_item) AS item_a, greatest(c.p_item, c.k_item) AS item_b,
         CAST('SAME_' || c.field AS match_basis) AS basis, j.score, j.reasons, c.recorded_at AS created_at
    FROM candidate c
    CROSS JOIN LATERAL item_match_judge(c.field, c.p_key, c.p_make, c.p_model, c.k_key, c.k_make, c.k_model) AS j
   WHERE j.score IS NOT NULL
)
INSERT INTO item_match (item_a, item_b, basis, score, reasons, status, created_at)
SELECT DISTINCT ON (item_a, item_b) item_a, item_b, basis, score, reasons, 'SUGGESTED', created_at
  FROM judged
 ORDER BY item_a, item_b, score DESC
