-- Upstream walk (supplyChain): from the movements that carried the start items, to the senders of
-- the movements each reached supplier received, level by level. One row of `walk` per depth holds
-- that level's new suppliers (`frontier`) and every supplier reached so far (`visited`): a visited
-- set, so a cycle is walked once and the work is bounded by the suppliers, not by the paths.
-- Each step must be readable: the movement and the supplier it leads to ({{readable x}} is the
-- caller's visibility condition on alias x). The walk goes one level past :maxDepth, and on
-- until more than :cap suppliers are reached, so that whether anything lies beyond what is
-- returned (`truncated`) falls out of the walk itself. Parameters: :itemId or :seizureId,
-- :maxDepth, :cap.
WITH RECURSIVE
start_item AS (
  SELECT i.id
    FROM item i
    JOIN seizure s ON s.id = i.seizure_id
   WHERE (i.id = CAST(:itemId AS uuid) OR i.seizure_id = CAST(:seizureId AS uuid)) AND {{readable s}}
),
start_movement AS (
  SELECT DISTINCT m.id, m.from_supplier_id, m.to_supplier_id
    FROM start_item
    JOIN movement_item mi ON mi.item_id = start_item.id
    JOIN movement m ON m.id = mi.movement_id
   WHERE {{readable m}}
),
first_level AS (
  SELECT DISTINCT sup.id
    FROM start_movement sm
    JOIN supplier sup ON sup.id = sm.from_supplier_id OR sup.id = sm.to_supplier_id
   WHERE {{readable sup}}
),
walk (depth, frontier, visited) AS (
  SELECT 1, array_agg(id), array_agg(id) FROM first_level HAVING count(*) > 0
  UNION ALL
  SELECT w.depth + 1, next_level.ids, w.visited || next_level.ids
    FROM walk w
    CROSS JOIN LATERAL (
      SELECT array_agg(DISTINCT m.from_supplier_id) AS ids
        FROM movement m
        JOIN supplier sup ON sup.id = m.from_supplier_id
       WHERE m.to_supplier_id = ANY(w.frontier)
         AND m.from_supplier_id <> ALL(w.visited)
         AND {{readable m}} AND {{readable sup}}
    ) next_level
   WHERE w.depth <= CAST(:maxDepth AS int)
     AND next_level.ids IS NOT NULL
     AND cardinality(w.visited) <= CAST(:cap AS int)
),
reached AS (
  SELECT level.supplier_id, w.depth, sup.name
    FROM walk w
    CROSS JOIN LATERAL unnest(w.frontier) AS level(supplier_id)
    JOIN supplier sup ON sup.id = level.supplier_id
   WHERE w.depth <= CAST(:maxDepth AS int)
),
node AS (
  SELECT supplier_id, depth FROM reached ORDER BY depth, name, supplier_id LIMIT CAST(:cap AS int)
),
-- Something was reached beyond maxDepth, or more than the cap.
cut AS (
  SELECT 1 FROM walk WHERE depth > CAST(:maxDepth AS int)
  UNION ALL
  SELECT 1 FROM reached HAVING count(*) > CAST(:cap AS int)
),
edge AS (
  SELECT sm.id AS movement_id, 1 AS depth FROM start_movement sm
  UNION
  SELECT m.id, n.depth + 1
    FROM node n
    JOIN movement m ON m.to_supplier_id = n.supplier_id
   WHERE n.depth < CAST(:maxDepth AS int)
     AND {{readable m}}
     AND (m.from_supplier_id IS NULL OR EXISTS (SELECT 1 FROM node known WHERE known.supplier_id = m.from_supplier_id))
)
SELECT 'node' AS kind, supplier_id AS id, depth FROM node
UNION ALL
SELECT 'edge', movement_id, min(depth) FROM edge GROUP BY movement_id
UNION ALL
-- Origins: returned suppliers with no readable inbound step from a readable sender.
SELECT 'origin', n.supplier_id, n.depth
  FROM node n
 WHERE NOT EXISTS (
   SELECT 1 FROM movement m JOIN supplier sup ON sup.id = m.from_supplier_id
    WHERE m.to_supplier_id = n.supplier_id AND {{readable m}} AND {{readable sup}})
UNION ALL
SELECT 'truncated', NULL, NULL FROM (SELECT 1 FROM cut LIMIT 1) AS any_cut
