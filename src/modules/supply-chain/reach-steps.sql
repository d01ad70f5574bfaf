-- The steps of a supplier's reach, for its export (supplierReach itself needs only the suppliers
-- and the seizures): the readable movements from one of :suppliers (the start and the suppliers
-- reached, survivors; a record merged into one counts as it) to a readable receiver that stands
-- for one of them, and, for each of :seizures, the readable movements from one of :suppliers
-- that carried its items. Each row names the movement (its whole row as JSON in `record`) and,
-- for a carrier, the seizure.
WITH walked AS (SELECT CAST(:suppliers AS uuid[]) AS ids),
sender AS (
  SELECT m.*
    FROM walked, movement m
   WHERE m.from_supplier_id = ANY({{with merged walked.ids}}) AND {{readable m}}
)
SELECT 'step' AS kind, CAST(NULL AS uuid) AS seizure_id, to_json(m) AS record
  FROM walked
 CROSS JOIN sender m
  JOIN supplier receiver ON receiver.id = m.to_supplier_id
  {{survivor m.to_supplier_id AS canonical}}
 WHERE canonical.id = ANY(walked.ids) AND {{readable receiver}}
UNION ALL
SELECT DISTINCT ON (m.id, i.seizure_id) 'carrier', i.seizure_id, to_json(m)
  FROM sender m
  JOIN movement_item mi ON mi.movement_id = m.id
  JOIN item i ON i.id = mi.item_id
  JOIN seizure s ON s.id = i.seizure_id
 WHERE i.seizure_id = ANY(CAST(:seizures AS uuid[])) AND {{readable s}}
