-- Downstream walk (supplierReach): from a supplier to the receivers of the movements it sent,
-- level by level, with a visited set (see upstream.sql); then the seizures holding items carried
-- by movements that the supplier or a supplier downstream of it sent. A supplier merged into
-- another counts as its survivor (`canonical`, see upstream.sql), and a survivor's movements
-- include those of the suppliers merged into it. Every step must be readable ({{readable x}}). As upstream, the walk
-- goes one level past :maxDepth and on until more than :cap suppliers are reached, to tell
-- whether anything lies beyond what is returned. Each node and restricted row carries the whole
-- row of its supplier or owning agency as JSON (`record`, see upstream.sql). Parameters:
-- :supplierId, :maxDepth, :cap.
WITH RECURSIVE
start AS (
  SELECT sup.id
    FROM supplier recorded
    {{survivor recorded.id AS canonical}}
    JOIN supplier sup ON sup.id = canonical.id
   WHERE recorded.id = CAST(:supplierId AS uuid) AND {{readable recorded}} AND {{readable sup}}
),
walk (depth, frontier, visited) AS (
  SELECT 0, ARRAY[id], ARRAY[id] FROM start
  UNION ALL
  SELECT w.depth + 1, next_level.ids, w.visited || next_level.ids
    FROM walk w
    CROSS JOIN LATERAL (
      SELECT array_agg(DISTINCT sup.id) AS ids
        FROM movement m
        JOIN supplier receiver ON receiver.id = m.to_supplier_id
        {{survivor m.to_supplier_id AS canonical}}
        JOIN supplier sup ON sup.id = canonical.id
       WHERE m.from_supplier_id = ANY({{with merged w.frontier}})
         AND sup.id <> ALL(w.visited)
         AND {{readable m}} AND {{readable receiver}} AND {{readable sup}}
    ) next_level
   WHERE w.depth <= CAST(:maxDepth AS int)
     AND next_level.ids IS NOT NULL
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
-- The start and every returned supplier, with the records merged into them: the senders that count.
sender AS (
  SELECT id AS record_id FROM start
  UNION SELECT supplier_id FROM node
  UNION SELECT member.merged_id FROM supplier_merge member WHERE member.survivor_id IN (SELECT id FROM start UNION SELECT supplier_id FROM node)
),
hit AS (
  SELECT DISTINCT s.id
    FROM sender
    JOIN movement m ON m.from_supplier_id = sender.record_id
    JOIN movement_item mi ON mi.movement_id = m.id
    JOIN item i ON i.id = mi.item_id
    JOIN seizure s ON s.id = i.seizure_id
   WHERE {{readable m}} AND {{readable s}}
),
-- Outbound steps from the start and the suppliers within maxDepth through a record the caller
-- may not read (hit/no-hit, from a SECURITY DEFINER function; TLP_RED gives none).
hidden AS (
  SELECT DISTINCT h.agency_id, h.handling
    FROM supply_chain_hidden_steps(ARRAY(
           SELECT id FROM start
           UNION SELECT supplier_id FROM node WHERE depth < CAST(:maxDepth AS int)
           UNION SELECT member.merged_id FROM supplier_merge member
                  WHERE member.survivor_id IN (SELECT id FROM start UNION SELECT supplier_id FROM node WHERE depth < CAST(:maxDepth AS int))),
         'out') AS h
  UNION
  -- Seizures the caller may not read that readable movements from these suppliers reached.
  SELECT h.agency_id, h.handling
    FROM supply_chain_hidden_seizures(ARRAY(SELECT record_id FROM sender)) AS h
),
-- Something was reached beyond maxDepth, or more than the cap.
cut AS (
  SELECT 1 FROM walk WHERE depth > CAST(:maxDepth AS int)
  UNION ALL
  SELECT 1 FROM reached HAVING count(*) > CAST(:cap AS int)
)
SELECT 'node' AS kind, supplier_id AS id, depth, CAST(NULL AS text) AS handling,
       (SELECT to_json(sup) FROM supplier sup WHERE sup.id = node.supplier_id) AS record
  FROM node
UNION ALL
SELECT 'seizure', id, NULL, NULL, NULL FROM hit
UNION ALL
SELECT 'restricted', agency_id, CAST(NULL AS int), CAST(handling AS text), (SELECT to_json(a) FROM agency a WHERE a.id = hidden.agency_id)
  FROM hidden
UNION ALL
SELECT 'truncated', NULL, NULL, NULL, NULL FROM (SELECT 1 FROM cut LIMIT 1) AS any_cut
