-- Upstream walk (supplyChain): from the movements that carried the start items, to the senders of
-- the movements each reached supplier received, level by level. One row of `walk` per depth holds
-- that level's new suppliers (`frontier`) and every supplier reached so far (`visited`): a visited
-- set, so a cycle is walked once and the work is bounded by the suppliers, not by the paths.
-- A supplier merged into another counts as its survivor: the walk reaches survivors only, and a
-- survivor's movements include those of the suppliers merged into it ({{survivor id AS x}} joins
-- x.id, the supplier that id stands for; {{with merged ids}} adds the ids merged into them:
-- src/modules/supplier/survivor-sql.ts).
-- Each step must be readable: the movement and the supplier it leads to ({{readable x}} is the
-- caller's visibility condition on alias x). The walk goes one level past :maxDepth, and on
-- until more than :cap suppliers are reached, so that whether anything lies beyond what is
-- returned (`truncated`) falls out of the walk itself. Each node, edge and restricted row
-- carries the whole row of its supplier, movement or owning agency as JSON (`record`), so that
-- the answer needs no further statement to load them. Parameters: :itemId or :seizureId,
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
    CROSS JOIN LATERAL (VALUES (sm.from_supplier_id), (sm.to_supplier_id)) AS party(id)
    JOIN supplier recorded ON recorded.id = party.id
    {{survivor party.id AS canonical}}
    JOIN supplier sup ON sup.id = canonical.id
   WHERE {{readable recorded}} AND {{readable sup}}
),
walk (depth, frontier, visited) AS (
  SELECT 1, array_agg(id), array_agg(id) FROM first_level HAVING count(*) > 0
  UNION ALL
  SELECT w.depth + 1, next_level.ids, w.visited || next_level.ids
    FROM walk w
    CROSS JOIN LATERAL (
      SELECT array_agg(DISTINCT sup.id) AS ids
        FROM movement m
        JOIN supplier sender ON sender.id = m.from_supplier_id
        {{survivor m.from_supplier_id AS canonical}}
        JOIN supplier sup ON sup.id = canonical.id
       WHERE m.to_supplier_id = ANY({{with merged w.frontier}})
         AND sup.id <> ALL(w.visited)
         AND {{readable m}} AND {{readable sender}} AND {{readable sup}}
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
-- Each returned supplier with the records merged into it: the receivers its movements name.
node_record AS (
  SELECT supplier_id, depth, supplier_id AS record_id FROM node
  UNION ALL
  SELECT n.supplier_id, n.depth, member.merged_id FROM node n JOIN supplier_merge member ON member.survivor_id = n.supplier_id
),
-- Inbound steps to returned suppliers through a record the caller may not read (hit/no-hit:
-- owning agency and handling only, from a SECURITY DEFINER function; TLP_RED gives none).
hidden AS (
  SELECT DISTINCT r.supplier_id, r.depth, h.agency_id, h.handling
    FROM supply_chain_hidden_steps(ARRAY(SELECT record_id FROM node_record), 'in') AS h
    JOIN node_record r ON r.record_id = h.supplier_id
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
    FROM node_record n
    JOIN movement m ON m.to_supplier_id = n.record_id
    {{survivor m.from_supplier_id AS canonical}}
    LEFT JOIN node known ON known.supplier_id = canonical.id
   WHERE n.depth < CAST(:maxDepth AS int)
     AND {{readable m}}
     AND (m.from_supplier_id IS NULL OR known.supplier_id IS NOT NULL)
)
-- The records of returned rows, each looked up by its key: the walk read them already, under the
-- same visibility conditions.
SELECT 'node' AS kind, supplier_id AS id, depth, CAST(NULL AS text) AS handling,
       (SELECT to_json(sup) FROM supplier sup WHERE sup.id = node.supplier_id) AS record
  FROM node
UNION ALL
SELECT 'edge', walked.movement_id, walked.depth, NULL, (SELECT to_json(m) FROM movement m WHERE m.id = walked.movement_id)
  FROM (SELECT movement_id, min(depth) AS depth FROM edge GROUP BY movement_id) AS walked
UNION ALL
-- Origins: returned suppliers with no readable inbound step from a readable sender, to them
-- or to a record merged into them, and no restricted hit behind them.
SELECT 'origin', n.supplier_id, n.depth, NULL, NULL
  FROM node n
 WHERE NOT EXISTS (SELECT 1 FROM hidden WHERE hidden.supplier_id = n.supplier_id)
   AND NOT EXISTS (
         SELECT 1 FROM movement m JOIN supplier sender ON sender.id = m.from_supplier_id
          WHERE m.to_supplier_id = n.supplier_id AND {{readable m}} AND {{readable sender}})
   AND NOT EXISTS (
         SELECT 1 FROM supplier_merge member
           JOIN movement m ON m.to_supplier_id = member.merged_id
           JOIN supplier sender ON sender.id = m.from_supplier_id
          WHERE member.survivor_id = n.supplier_id AND {{readable m}} AND {{readable sender}})
UNION ALL
-- Hidden steps the walk would have taken (within maxDepth), and hidden movements that carried
-- the start items or lead to hidden parties, once per agency and handling (the union keeps
-- each pair once), with the agency's row (agencies are public).
SELECT 'restricted', agency_id, CAST(NULL AS int), CAST(handling AS text), (SELECT to_json(a) FROM agency a WHERE a.id = hidden_step.agency_id)
  FROM (SELECT agency_id, handling FROM hidden WHERE depth < CAST(:maxDepth AS int)
        UNION
        SELECT agency_id, handling FROM supply_chain_hidden_carriers(ARRAY(SELECT id FROM start_item))) AS hidden_step
UNION ALL
SELECT 'truncated', NULL, NULL, NULL, NULL FROM (SELECT 1 FROM cut LIMIT 1) AS any_cut
