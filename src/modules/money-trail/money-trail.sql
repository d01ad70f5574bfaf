-- Money trail (moneyTrail): from a party along the payments it made (:step = 1, FOLLOW_MONEY) or
-- received and passed on as a broker (:step = -1, TOWARDS_PAYERS), hop by hop along each payment's
-- chain of parties (payment_party: payer at place 0, brokers 1..n, payee n+1), one hop per
-- level. One row of `walk` per depth holds the payments being walked and the position each has
-- reached (`payments`, `positions`), the parties first reached at that depth (`frontier`), and
-- every party reached so far (`visited`, the start included): a visited set, so a cycle is walked
-- once. A party first reached at depth d starts the payments it made (or received or passed on)
-- from where it stands in them; a payment already being walked goes on one hop, whether or not the
-- party it reaches was seen before. A hop to a party the caller may not read ends that payment's
-- walk there (the hit comes from money_trail_hidden_parties); payments it may not read are never
-- walked (hits from money_trail_hidden_payments; TLP_RED gives none). A merged supplier counts as
-- its survivor, and a survivor's payments include those of the suppliers merged into it (see
-- upstream.sql). As the supply-chain walks, it goes one level past :maxDepth and on until more than
-- :cap parties are reached, to tell whether anything lies beyond what is returned. An edge is a
-- payment walked from a party within :maxDepth - 1, at the depth of its far end (the payee
-- following the money, the payer towards the payers), which may lie beyond :maxDepth. Each node,
-- edge and restricted row carries the whole row of its supplier, payment or owning agency as JSON
-- (`record`; a payment's amount as text, exact); `total` rows carry the sum of the edges' amounts in
-- one currency. Parameters: :partyId, :direction, :step, :maxDepth, :cap.
WITH RECURSIVE
start AS (
  SELECT sup.id
    FROM supplier recorded
    {{survivor recorded.id AS canonical}}
    JOIN supplier sup ON sup.id = canonical.id
   WHERE recorded.id = CAST(:partyId AS uuid) AND {{readable recorded}} AND {{readable sup}}
),
walk (depth, payments, positions, frontier, visited) AS (
  SELECT 0, CAST(ARRAY[] AS uuid[]), CAST(ARRAY[] AS int[]), ARRAY[id], ARRAY[id] FROM start
  UNION ALL
  SELECT w.depth + 1, step.payments, step.positions, step.fresh, w.visited || step.fresh
    FROM walk w
    CROSS JOIN LATERAL (
      SELECT array_agg(hop.payment_id) AS payments, array_agg(hop.position) AS positions,
             coalesce(array_agg(DISTINCT sup.id) FILTER (WHERE sup.id <> ALL(w.visited)), CAST(ARRAY[] AS uuid[])) AS fresh
        FROM (
          -- Payments being walked: one hop further along each.
          SELECT walked.payment_id, walked.position + CAST(:step AS int) AS position
            FROM unnest(w.payments, w.positions) AS walked(payment_id, position)
          UNION
          -- The payments of the parties first reached at this depth, one hop from where each stands.
          SELECT own.payment_id, own.position + CAST(:step AS int)
            FROM payment_party own
            JOIN payment paid ON paid.id = own.payment_id
           WHERE own.supplier_id = ANY({{with merged w.frontier}})
             AND ((CAST(:step AS int) = 1 AND own.position = 0) OR (CAST(:step AS int) = -1 AND own.position > 0))
             AND {{readable paid}}
        ) AS hop
        JOIN payment_party next ON next.payment_id = hop.payment_id AND next.position = hop.position
        JOIN supplier recorded ON recorded.id = next.supplier_id
        {{survivor next.supplier_id AS canonical}}
        JOIN supplier sup ON sup.id = canonical.id
       WHERE {{readable recorded}} AND {{readable sup}}
    ) AS step
   WHERE w.depth <= CAST(:maxDepth AS int)
     AND step.payments IS NOT NULL
     AND cardinality(w.visited) <= CAST(:cap AS int) + 1
),
reached AS (
  SELECT level.supplier_id, w.depth, sup.name
    FROM walk w
    CROSS JOIN LATERAL unnest(w.frontier) AS level(supplier_id)
    JOIN supplier sup ON sup.id = level.supplier_id
   WHERE w.depth BETWEEN 1 AND CAST(:maxDepth AS int)
),
node AS (
  SELECT supplier_id, depth FROM reached ORDER BY depth, name, supplier_id LIMIT CAST(:cap AS int)
),
-- The start and the returned parties whose payments were walked, with the records merged into them.
walked_from AS (
  SELECT id AS supplier_id, 0 AS depth FROM start
  UNION ALL
  SELECT supplier_id, depth FROM node WHERE depth < CAST(:maxDepth AS int)
),
walked_record AS (
  SELECT depth, supplier_id AS record_id FROM walked_from
  UNION ALL
  SELECT f.depth, member.merged_id FROM walked_from f JOIN supplier_merge member ON member.survivor_id = f.supplier_id
),
-- Each payment walked, from each place a walked party stands in it, and the depth of its far end.
walked_payment AS (
  SELECT own.payment_id, CAST(own.position AS int) AS position, r.depth,
         r.depth + CASE WHEN CAST(:step AS int) = 1 THEN paid.broker_count + 1 ELSE own.position END AS far_depth
    FROM walked_record r
    JOIN payment_party own ON own.supplier_id = r.record_id
    JOIN payment paid ON paid.id = own.payment_id
   WHERE ((CAST(:step AS int) = 1 AND own.position = 0) OR (CAST(:step AS int) = -1 AND own.position > 0))
     AND {{readable paid}}
),
edge AS (
  SELECT payment_id, min(far_depth) AS depth FROM walked_payment GROUP BY payment_id
),
-- What the walk may not read, once per agency and handling: payments of the walked parties, and
-- the party where a walked payment's walk stopped (within maxDepth of the start).
hidden AS (
  SELECT h.agency_id, h.handling
    FROM money_trail_hidden_payments(ARRAY(SELECT record_id FROM walked_record), CAST(:direction AS text)) AS h
  UNION
  SELECT h.agency_id, h.handling
    FROM money_trail_hidden_parties(
           ARRAY(SELECT payment_id FROM walked_payment ORDER BY payment_id, position, depth),
           ARRAY(SELECT position FROM walked_payment ORDER BY payment_id, position, depth),
           ARRAY(SELECT CAST(:maxDepth AS int) - depth FROM walked_payment ORDER BY payment_id, position, depth),
           CAST(:step AS int)) AS h
),
-- A new party was reached beyond maxDepth, or more than the cap.
cut AS (
  SELECT 1 FROM walk WHERE depth > CAST(:maxDepth AS int) AND cardinality(frontier) > 0
  UNION ALL
  SELECT 1 FROM reached HAVING count(*) > CAST(:cap AS int)
)
SELECT 'node' AS kind, supplier_id AS id, depth, CAST(NULL AS text) AS handling,
       (SELECT to_json(sup) FROM supplier sup WHERE sup.id = node.supplier_id) AS record
  FROM node
UNION ALL
SELECT 'edge', edge.payment_id, edge.depth, NULL,
       (SELECT to_jsonb(p) || jsonb_build_object('amount', CAST(p.amount AS text)) FROM payment p WHERE p.id = edge.payment_id)::json
  FROM edge
UNION ALL
SELECT 'total', NULL, NULL, p.currency, json_build_object('amount', CAST(sum(p.amount) AS text), 'currency', p.currency)
  FROM edge JOIN payment p ON p.id = edge.payment_id
 WHERE p.amount IS NOT NULL
 GROUP BY p.currency
UNION ALL
SELECT 'restricted', agency_id, CAST(NULL AS int), CAST(handling AS text), (SELECT to_json(a) FROM agency a WHERE a.id = hidden.agency_id)
  FROM hidden
UNION ALL
SELECT 'truncated', NULL, NULL, NULL, NULL FROM (SELECT 1 FROM cut LIMIT 1) AS any_cut
