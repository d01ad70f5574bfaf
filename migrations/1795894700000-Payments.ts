import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows readable exactly when their payment is. */
const DEPENDENT = ['payment_party', 'payment_seizure', 'payment_movement'] as const;

/** The sighting index before payments (see the Sightings migration), and with their references. */
const SUPPLIER_KEYS = `SELECT CAST('SUPPLIER' AS sighted_kind) AS record_kind, si.supplier_id AS record_id, si.agency_id, si.scheme, si.value_key
        FROM supplier_identifier si`;
const PAYMENT_KEYS = `SELECT CAST('PAYMENT' AS sighted_kind), p.id, p.agency_id, 'HAWALA_CODE', p.reference_key
        FROM payment p WHERE p.reference_key IS NOT NULL`;

const SUPPLIER_RECORD = `SELECT s.agency_id, s.handling, app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by)
          FROM supplier s WHERE kind = 'SUPPLIER' AND s.id = sighted_record.id`;
const PAYMENT_RECORD = `SELECT p.agency_id, p.handling, app_can_read(p.agency_id, p.handling, p.shared_with, p.recorded_by)
          FROM payment p WHERE kind = 'PAYMENT' AND p.id = sighted_record.id`;

/**
 * Payments between parties: from a payer through money brokers, in order, to a payee (any may
 * be unknown), with an exact amount in an ISO 4217 currency, and what they paid for (seizures,
 * movements). Under the same visibility rule as the other records (row-level security), and
 * their reference, compared as a HAWALA_CODE, joins the sighting index.
 *
 * `payment_party` is each payment's chain of parties by place (payer 0, brokers 1..n, payee
 * n+1): what a party's lists and the money trail read. Two SECURITY DEFINER functions tell the trail
 * what it may not read, as hits only (owning agency and handling; TLP_RED gives none): the hidden
 * payments of readable parties, and the first hidden party along a readable payment.
 */
export class Payments1795894700000 implements MigrationInterface {
  name = 'Payments1795894700000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."payment_method" AS ENUM('HAWALA', 'MONEY_TRANSFER', 'BANK_TRANSFER', 'CASH', 'CRYPTO', 'CARD', 'OTHER', 'UNKNOWN')`);
    await q.query(`CREATE TABLE "payment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "payer_id" uuid, "payee_id" uuid, "broker_count" smallint NOT NULL DEFAULT '0', "method" "public"."payment_method" NOT NULL DEFAULT 'UNKNOWN', "amount" numeric, "currency" character(3), "paid_at" TIMESTAMP WITH TIME ZONE, "from_country" character(2), "to_country" character(2), "reference" text, "reference_key" text, "handling" "public"."handling_code" NOT NULL, "shared_with" uuid array NOT NULL DEFAULT '{}', "recorded_by" text NOT NULL, "client_key" text, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "payment_agency_client_key" UNIQUE ("agency_id", "client_key"), CONSTRAINT "payment_parties_differ" CHECK (payer_id <> payee_id), CONSTRAINT "payment_amount_has_currency" CHECK ((amount IS NULL) = (currency IS NULL)), CONSTRAINT "payment_amount_positive" CHECK (amount > 0), CONSTRAINT "PK_fcaec7df5adf9cac408c686b2ab" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "payment_reference_key_idx" ON "payment" ("reference_key")`);
    await q.query(`CREATE INDEX "payment_paid_at_idx" ON "payment" ("paid_at")`);
    await q.query(`CREATE INDEX "payment_recorded_at_idx" ON "payment" ("recorded_at")`);
    await q.query(`CREATE TABLE "payment_party" ("payment_id" uuid NOT NULL, "position" smallint NOT NULL, "supplier_id" uuid NOT NULL, "agency_id" uuid NOT NULL, CONSTRAINT "PK_0f6325f5922d5fdd0ff6981e3a6" PRIMARY KEY ("payment_id", "position"))`);
    await q.query(`CREATE INDEX "payment_party_supplier_idx" ON "payment_party" ("supplier_id", "position")`);
    await q.query(`CREATE TABLE "payment_seizure" ("payment_id" uuid NOT NULL, "seizure_id" uuid NOT NULL, "agency_id" uuid NOT NULL, CONSTRAINT "PK_550b24cd00cde287f2f2f6d15f3" PRIMARY KEY ("payment_id", "seizure_id"))`);
    await q.query(`CREATE INDEX "payment_seizure_seizure_idx" ON "payment_seizure" ("seizure_id")`);
    await q.query(`CREATE TABLE "payment_movement" ("payment_id" uuid NOT NULL, "movement_id" uuid NOT NULL, "agency_id" uuid NOT NULL, CONSTRAINT "PK_cbef1b952e23d783e066e800494" PRIMARY KEY ("payment_id", "movement_id"))`);
    await q.query(`CREATE INDEX "payment_movement_movement_idx" ON "payment_movement" ("movement_id")`);
    await q.query(`ALTER TABLE "payment" ADD CONSTRAINT "FK_14d2f05fcc5e9b762a259a5e3dd" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "payment" ADD CONSTRAINT "FK_b17a01172f69d4efcd728e53ecb" FOREIGN KEY ("payer_id") REFERENCES "supplier"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "payment" ADD CONSTRAINT "FK_43da65ab1505862a57fd9d462e6" FOREIGN KEY ("payee_id") REFERENCES "supplier"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "payment_party" ADD CONSTRAINT "FK_adde62c247f40fb4cdbd17c5ea7" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "payment_party" ADD CONSTRAINT "FK_6d15222842b24f7f4d5bb2c646a" FOREIGN KEY ("supplier_id") REFERENCES "supplier"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "payment_seizure" ADD CONSTRAINT "FK_9defe51c36a9eaf26f37e047732" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "payment_seizure" ADD CONSTRAINT "FK_8af23ccad2bc1ba38018cffe5c2" FOREIGN KEY ("seizure_id") REFERENCES "seizure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "payment_movement" ADD CONSTRAINT "FK_fa9e6f8a53f90be3f1881ad9e8a" FOREIGN KEY ("payment_id") REFERENCES "payment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "payment_movement" ADD CONSTRAINT "FK_807a3b5fed37009952149a38602" FOREIGN KEY ("movement_id") REFERENCES "movement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    await q.query(`GRANT SELECT, INSERT ON payment, ${DEPENDENT.join(', ')} TO registry_app`);
    await q.query(`ALTER TABLE payment ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE payment FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY payment_read ON payment FOR SELECT TO registry_app USING (app_can_read(agency_id, handling, shared_with, recorded_by))`);
    await q.query(`CREATE POLICY payment_insert ON payment FOR INSERT TO registry_app WITH CHECK (agency_id = app_agency() AND recorded_by = app_subject())`);
    await q.query(`CREATE POLICY payment_owner_read ON payment FOR SELECT TO CURRENT_USER USING (true)`);
    for (const table of DEPENDENT) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      // The subquery is itself under the payment's read policy.
      await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT TO registry_app USING (EXISTS (SELECT 1 FROM payment p WHERE p.id = ${table}.payment_id))`);
      await q.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT TO registry_app WITH CHECK (agency_id = app_agency())`);
    }
    await q.query(`CREATE POLICY payment_party_owner_read ON payment_party FOR SELECT TO CURRENT_USER USING (true)`);

    await q.query(`CREATE OR REPLACE VIEW sighting_key AS ${SUPPLIER_KEYS} UNION ALL ${PAYMENT_KEYS}`);
    await q.query(`CREATE OR REPLACE FUNCTION sighted_record(kind sighted_kind, id uuid)
      RETURNS TABLE (agency_id uuid, handling handling_code, readable boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        ${SUPPLIER_RECORD}
        UNION ALL
        ${PAYMENT_RECORD}
      $$`);

    // The payments of readable parties that the caller may not read: made by them when following
    // the money, received or passed on by them towards the payers.
    await q.query(`CREATE FUNCTION money_trail_hidden_payments(supplier_ids uuid[], direction text)
      RETURNS TABLE (agency_id uuid, handling handling_code)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT DISTINCT hidden.agency_id, hidden.handling
          FROM supplier known
          JOIN payment_party own ON own.supplier_id = known.id
           AND ((direction = 'FOLLOW_MONEY' AND own.position = 0) OR (direction = 'TOWARDS_PAYERS' AND own.position > 0))
          JOIN payment hidden ON hidden.id = own.payment_id
         WHERE known.id = ANY(supplier_ids)
           AND app_can_read(known.agency_id, known.handling, known.shared_with, known.recorded_by)
           AND NOT app_can_read(hidden.agency_id, hidden.handling, hidden.shared_with, hidden.recorded_by)
           AND app_may_show_hit(hidden.handling)
      $$`);

    // Along readable payments, each walked from a position for at most some hops (+1 a hop
    // towards the payee, -1 towards the payer): the first party the caller may not read, where
    // the walk stopped.
    await q.query(`CREATE FUNCTION money_trail_hidden_parties(payment_ids uuid[], from_positions int[], hops int[], step int)
      RETURNS TABLE (agency_id uuid, handling handling_code)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT DISTINCT first_hidden.agency_id, first_hidden.handling
          FROM unnest(payment_ids, from_positions, hops) AS asked(payment_id, position, hops)
          JOIN payment p ON p.id = asked.payment_id
          CROSS JOIN LATERAL (
            SELECT party.agency_id, party.handling
              FROM payment_party pp JOIN supplier party ON party.id = pp.supplier_id
             WHERE pp.payment_id = p.id AND (pp.position - asked.position) * step BETWEEN 1 AND asked.hops
               AND NOT app_can_read(party.agency_id, party.handling, party.shared_with, party.recorded_by)
             ORDER BY (pp.position - asked.position) * step
             LIMIT 1
          ) AS first_hidden
         WHERE app_can_read(p.agency_id, p.handling, p.shared_with, p.recorded_by)
           AND app_may_show_hit(first_hidden.handling)
      $$`);
    for (const signature of ['money_trail_hidden_payments(uuid[], text)', 'money_trail_hidden_parties(uuid[], int[], int[], int)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${signature} TO registry_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION money_trail_hidden_parties(uuid[], int[], int[], int)`);
    await q.query(`DROP FUNCTION money_trail_hidden_payments(uuid[], text)`);
    await q.query(`CREATE OR REPLACE FUNCTION sighted_record(kind sighted_kind, id uuid)
      RETURNS TABLE (agency_id uuid, handling handling_code, readable boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        ${SUPPLIER_RECORD}
      $$`);
    await q.query(`DELETE FROM sighting WHERE kind_a = 'PAYMENT' OR kind_b = 'PAYMENT'`);
    await q.query(`CREATE OR REPLACE VIEW sighting_key AS ${SUPPLIER_KEYS}`);
    for (const table of ['payment_movement', 'payment_seizure', 'payment_party', 'payment']) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP TYPE "public"."payment_method"`);
  }
}
