-- The steps of a supplier's reach, for its export (supplierReach itself needs only the suppliers
-- and the seizures): the readable movements from one of :suppliers (the start and the suppliers
-- reached, survivors; a record merged into one counts as it) to a readable receiver that stands
-- for one of them, and, for each of :seizures, the readable movements from one of :suppliers
-- that carried its items. Each row names the movement (its whole row as JSON in `record`) and,
-- for a carrier, the seizure. The id sets are joined, never searched with = ANY: a reach holds
-- up to 5,000 suppliers, and each row would be compared with each of them.
WITH reached AS (
  SELECT DISTINCT id FROM unnest(CAST(:suppliers AS uuid[])) AS given(id)
),
sender_record AS (
  SELECT id FROM reached
  UNION
  SELECT member.merged_id FROM supplier_merge member JOIN reached ON reached.id = member.survivor_id
),
sender AS (
  SELECT m.*
    FROM sender_record r
    JOIN movement m ON m.from_supplier_id = r.id
   WHERE {{readable m}}
)
SELECT 'step' AS kind, CAST(NULL AS uuid) AS seizure_id, to_json(m) AS record
  FROM sender m
  JOIN supplier receiver ON receiver.id = m.to_supplier_id
  {{survivor m.to_supplier_id AS canonical}}
  JOIN reached ON reached.id = canonical.id
 WHERE {{readable receiver}}
UNION ALL
SELECT DISTINCT ON (m.id, i.seizure_id) 'carrier', i.seizure_id, to_json(m)
  FROM sender m
  JOIN movement_item mi ON mi.movement_id = m.id
  JOIN item i ON i.id = mi.item_id
  JOIN (SELECT DISTINCT id FROM unnest(CAST(:seizures AS uuid[])) AS given(id)) AS hit ON hit.id = i.seizure_id
  JOIN seizure s ON s.id = i.seizure_id
 WHERE {{readable s}}
