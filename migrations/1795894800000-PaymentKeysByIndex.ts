import { MigrationInterface, QueryRunner } from 'typeorm';

const SUPPLIER_KEYS = `SELECT CAST('SUPPLIER' AS sighted_kind) AS record_kind, si.supplier_id AS record_id, si.agency_id, si.scheme, si.value_key
        FROM supplier_identifier si`;

/**
 * Payments' references in the sightings index without a WHERE in their branch: a UNION ALL
 * branch with its own condition and constant columns stays a subquery that a join cannot reach
 * into, so `sighting_link` read every payment to find the few with a reference (80 ms at half a
 * million). Without it the branch is flattened and its `reference_key` index serves the join; a
 * payment without a reference has a NULL key, which no equality ever matches.
 */
export class PaymentKeysByIndex1795894800000 implements MigrationInterface {
  name = 'PaymentKeysByIndex1795894800000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE VIEW sighting_key AS ${SUPPLIER_KEYS}
      UNION ALL
      SELECT CAST('PAYMENT' AS sighted_kind), p.id, p.agency_id, 'HAWALA_CODE', p.reference_key FROM payment p`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE VIEW sighting_key AS ${SUPPLIER_KEYS}
      UNION ALL
      SELECT CAST('PAYMENT' AS sighted_kind), p.id, p.agency_id, 'HAWALA_CODE', p.reference_key FROM payment p WHERE p.reference_key IS NOT NULL`);
  }
}
