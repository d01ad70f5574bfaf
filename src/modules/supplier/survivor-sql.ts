/**
 * "A merged supplier stands for its survivor", in SQL, written once: a supplier merged into
 * another (a row of supplier_merge) is read as the survivor, and a survivor's own records
 * include those of the suppliers merged into it.
 *
 * The survivor is a CASE over a LEFT JOIN, never coalesce() or a scalar subquery: under
 * row-level security PostgreSQL counts those as possibly leaky and will not use them as index
 * conditions, so a join of `supplier` on them would scan the whole table
 * (test/integration/supply-chain-plan.test.ts).
 */

/** The id the supplier id `party` stands for, given `merge`: supplier_merge LEFT JOINed on `merge.merged_id = party`. */
export function survivorOf(party: string, merge: string): string {
  return `CASE WHEN ${merge}.survivor_id IS NULL THEN ${party} ELSE ${merge}.survivor_id END`;
}

/** Joins to the rows so far `as`, whose `id` is the supplier the id `party` stands for (one row each: merged_id is supplier_merge's key). */
export function survivorJoin(party: string, as: string): string {
  const merge = `${as}_merge`;
  return `LEFT JOIN supplier_merge ${merge} ON ${merge}.merged_id = ${party}
    CROSS JOIN LATERAL (SELECT ${survivorOf(party, merge)} AS id) AS ${as}`;
}

/** The uuid[] `ids` with the ids of the suppliers merged into them: every record that stands for one of them. */
export function withMergedIds(ids: string): string {
  return `(${ids} || ARRAY(SELECT member.merged_id FROM supplier_merge member WHERE member.survivor_id = ANY(${ids})))`;
}
