-- topSuppliers: readable suppliers ranked by the readable seizures their goods reached
-- downstream, counted as supplierReach (downstream.sql) finds them at depth 20, but walked the
-- other way: from the counted items up to every supplier that reaches them, in one statement.
-- A supplier S reaches an item when a readable movement carried the item from S, or from a
-- supplier S reaches within 20 readable steps; a step is a readable movement to a readable
-- receiver whose survivor is readable (as the downstream walk enters a receiver), and merged
-- suppliers stand for their survivors. Unlike supplierReach, nothing is cut at 5,000 suppliers.
-- Parameters: :maxDepth, :first; {{where selected}} is the seizure filter on `s` (and `i`).
WITH RECURSIVE
counted AS (
  SELECT s.id AS seizure_id, s.jurisdiction, i.id AS item_id
    FROM seizure s JOIN item i ON i.seizure_id = s.id
   WHERE {{readable s}} AND {{where selected}}
),
-- Who sent each counted item: the survivor of the sender of each readable movement carrying it.
sent AS (
  SELECT DISTINCT sender.id AS supplier_id, counted.item_id, counted.seizure_id, counted.jurisdiction
    FROM counted
    JOIN movement_item mi ON mi.item_id = counted.item_id
    JOIN movement m ON m.id = mi.movement_id
    {{survivor m.from_supplier_id AS sender}}
   WHERE m.from_supplier_id IS NOT NULL AND {{readable m}}
),
-- Each sender's suppliers upstream, level by level as downstream.sql walks (in reverse: the
-- senders of the movements received by the level before, read as supply steps: one per
-- sender, receiver and readers, see the SupplySteps migration), each supplier once per sender,
-- at most :maxDepth levels up.
upstream (sender_id, depth, frontier, visited) AS (
  SELECT supplier_id, 0, ARRAY[supplier_id], ARRAY[supplier_id] FROM (SELECT DISTINCT supplier_id FROM sent) AS senders
  UNION ALL
  SELECT u.sender_id, u.depth + 1, next_level.ids, u.visited || next_level.ids
    FROM upstream u
    CROSS JOIN LATERAL (
      SELECT array_agg(DISTINCT from_sender.id) AS ids
        FROM supply_step step
        JOIN supplier receiver ON receiver.id = step.to_supplier_id
        {{survivor step.to_supplier_id AS canonical}}
        JOIN supplier sup ON sup.id = canonical.id
        {{survivor step.from_supplier_id AS from_sender}}
       WHERE step.to_supplier_id = ANY({{with merged u.frontier}})
         AND from_sender.id <> ALL(u.visited)
         AND {{readable step}} AND {{readable receiver}} AND {{readable sup}}
    ) next_level
   WHERE u.depth < CAST(:maxDepth AS int) AND next_level.ids IS NOT NULL
),
pair AS (
  SELECT u.sender_id, level.supplier_id FROM upstream u CROSS JOIN LATERAL unnest(u.frontier) AS level(supplier_id)
),
reach AS (
  SELECT pair.supplier_id, count(DISTINCT sent.seizure_id)::int AS seizures, count(DISTINCT sent.item_id)::int AS items,
         array_agg(DISTINCT sent.jurisdiction::text ORDER BY sent.jurisdiction::text) AS jurisdictions
    FROM pair
    JOIN sent ON sent.supplier_id = pair.sender_id
   GROUP BY pair.supplier_id
)
SELECT reach.seizures, reach.items, reach.jurisdictions, to_json(sup) AS record
  FROM reach
  JOIN supplier sup ON sup.id = reach.supplier_id
 WHERE {{readable sup}}
 ORDER BY reach.seizures DESC, sup.name, sup.id
 LIMIT CAST(:first AS int)
