import { MigrationInterface, QueryRunner } from 'typeorm';

/** Rows readable exactly when their advert is. */
const DEPENDENT = ['advert_identifier', 'advert_offer', 'advert_seizure', 'advert_text'] as const;

/** The sighting index before adverts (see the PaymentKeysByIndex migration). */
const KEYS_BEFORE = `SELECT CAST('SUPPLIER' AS sighted_kind) AS record_kind, si.supplier_id AS record_id, si.agency_id, si.scheme, si.value_key
        FROM supplier_identifier si
      UNION ALL
      SELECT CAST('PAYMENT' AS sighted_kind), p.id, p.agency_id, 'HAWALA_CODE', p.reference_key FROM payment p`;
// Each branch without a WHERE, so it is flattened and a join reaches its index (a NULL key matches nothing).
const ADVERT_KEYS = `SELECT CAST('ADVERT' AS sighted_kind), ai.advert_id, ai.agency_id, ai.scheme, ai.value_key FROM advert_identifier ai
      UNION ALL
      SELECT CAST('ADVERT' AS sighted_kind), a.id, a.agency_id, 'URL', a.url_key FROM advert a
      UNION ALL
      SELECT CAST('ADVERT' AS sighted_kind), a.id, a.agency_id, 'CONTENT_SHA256', a.content_hash FROM advert a`;

const RECORDS_BEFORE = `SELECT s.agency_id, s.handling, app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by)
          FROM supplier s WHERE kind = 'SUPPLIER' AND s.id = sighted_record.id
        UNION ALL
        SELECT p.agency_id, p.handling, app_can_read(p.agency_id, p.handling, p.shared_with, p.recorded_by)
          FROM payment p WHERE kind = 'PAYMENT' AND p.id = sighted_record.id`;
// `kind` qualified: advert has a column of that name, which would hide the parameter.
const ADVERT_RECORD = `SELECT a.agency_id, a.handling, app_can_read(a.agency_id, a.handling, a.shared_with, a.recorded_by)
          FROM advert a WHERE sighted_record.kind = 'ADVERT' AND a.id = sighted_record.id`;

/** sighting_link as the Sightings migration made it, with the basis given (SAME_IDENTIFIER before adverts, by scheme after). */
const sightingLink = (basis: string) => `CREATE OR REPLACE FUNCTION sighting_link(kind sighted_kind, ids uuid[]) RETURNS int
      LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH found AS (
          SELECT mine.record_kind AS kind_mine, mine.record_id AS mine_id, other.record_kind AS kind_other, other.record_id AS other_id,
                 mine.scheme, mine.value_key
            FROM sighting_key mine
            JOIN sighting_key other ON other.scheme = mine.scheme AND other.value_key = mine.value_key AND other.agency_id <> mine.agency_id
           WHERE mine.record_kind = kind AND mine.record_id = ANY(ids) AND mine.agency_id = app_agency()
        ), stored AS (
          INSERT INTO sighting (kind_a, record_a, kind_b, record_b, basis, scheme, value_key)
          SELECT DISTINCT
                 CASE WHEN (kind_mine, mine_id) < (kind_other, other_id) THEN kind_mine ELSE kind_other END,
                 CASE WHEN (kind_mine, mine_id) < (kind_other, other_id) THEN mine_id ELSE other_id END,
                 CASE WHEN (kind_mine, mine_id) < (kind_other, other_id) THEN kind_other ELSE kind_mine END,
                 CASE WHEN (kind_mine, mine_id) < (kind_other, other_id) THEN other_id ELSE mine_id END,
                 ${basis}, scheme, value_key
            FROM found
          ON CONFLICT DO NOTHING
          RETURNING 1
        )
        SELECT count(*)::int FROM stored
      $$`;
const BASIS_BY_SCHEME = `CAST(CASE scheme WHEN 'URL' THEN 'SAME_URL' WHEN 'CONTENT_SHA256' THEN 'SAME_CONTENT' ELSE 'SAME_IDENTIFIER' END AS sighting_basis)`;

/** The text-search configurations an advert's text is read in; Arabic-script and Kurdish text is matched as written ('simple'). */
const CONFIGS = ['english', 'french', 'german', 'dutch', 'turkish', 'simple'];
const inEveryConfig = (fn: string, text: string) => CONFIGS.map((config) => `${fn}('pg_catalog.${config}', ${text})`).join(' || ');

/**
 * Near-duplicate texts share at least this trigram similarity (pg_trgm's, Jaccard over the
 * texts' trigram sets), the least a text can share with one that holds nearly all of it while
 * being at most about twice as long (0.95 / (3 - 0.95)), so a short text inside a long one is
 * not taken for a repost of it...
 */
const MIN_SIMILARITY = 0.45;
/**
 * ...and is a near-duplicate when nearly all the trigrams of the shorter of the two are in the
 * other: a repost that drops a line, reorders, or changes a price, phone, emoji or capitals keeps
 * them all; an advert on the same template for another item, place or seller does not. Chosen on
 * the shared labelled sample (eval:sightings): its near pairs share all of the shorter text
 * (1.00), its different pairs at most 0.89; the threshold sits nearer the near side, as false
 * matches are the scarcer budget (1%). The score answered is the similarity, below 1.
 */
const NEAR_OVERLAP = 0.95;
/**
 * Which texts are compared at all: those sharing a distinctive run of three words with the new
 * one. Adverts are written on templates, so a text shares most of its letter trigrams (and
 * similarity 0.45) with hundreds of others on its template, a number that grows with the table;
 * a run of three folded words is distinctive unless the column's statistics (which keep up to
 * ten times SHINGLE_STATISTICS most common elements) count it in at least COMMON_SHINGLE_TEXTS
 * texts: the template's own wording. So each distinctive run brings fewer than that many
 * candidates, whatever the size of the table, and a text made only of wording many adverts share
 * is a template, compared with nothing.
 */
const SHINGLE_STATISTICS = 1000;
const COMMON_SHINGLE_TEXTS = 50;

/**
 * Adverts: social-media posts and listings captured as evidence, with their posting account and
 * contacts, offers, the party behind them and the seizures they are evidence for, under the
 * same visibility rule as the other records (row-level security).
 *
 * They join the sightings index by their identifiers, their canonical URL (`URL`, SAME_URL)
 * and their file's sha256 (`CONTENT_SHA256`, SAME_CONTENT); `sighting_link` now names the basis
 * by scheme. `advert_text` holds each text as searched (`document`: a tsvector read in every
 * configuration of CONFIGS, and in 'simple' over the folded text too, so "Gümüş" finds "Gumus")
 * and as compared (`fold`: transliterated to lower-case ASCII with digits, contacts and emoji
 * removed, see advert-text.ts; null when too short to compare; `trigram_count` and `shingles`
 * generated from it). It has no entity: the app writes it beside the advert and reads it only through the two definer functions below, because
 * neither `@@` nor the arrays' `&&` is LEAKPROOF, so under row-level security no index would serve
 * them: `advert_text_search` (the caller's readable adverts matching a query, with their
 * ts_rank_cd) and `sighting_link_text` (near-duplicate texts of the caller's new adverts in
 * other agencies' adverts, stored as SIMILAR_TEXT sightings).
 */
export class Adverts1795895000000 implements MigrationInterface {
  name = 'Adverts1795895000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."advert_platform" AS ENUM('FACEBOOK', 'INSTAGRAM', 'TIKTOK', 'TELEGRAM', 'WHATSAPP', 'SNAPCHAT', 'X', 'YOUTUBE', 'MARKETPLACE', 'WEBSITE', 'OTHER')`);
    await q.query(`CREATE TYPE "public"."advert_kind" AS ENUM('EQUIPMENT_SALE', 'CROSSING_OFFER', 'RECRUITMENT', 'OTHER')`);
    await q.query(`CREATE TABLE "advert" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "agency_id" uuid NOT NULL, "platform" "public"."advert_platform" NOT NULL, "kind" "public"."advert_kind" NOT NULL, "url" text, "url_key" text, "captured_at" TIMESTAMP WITH TIME ZONE NOT NULL, "text" text, "content_hash" text, "advertiser_id" uuid, "handling" "public"."handling_code" NOT NULL, "shared_with" uuid array NOT NULL DEFAULT '{}', "recorded_by" text NOT NULL, "client_key" text, "recorded_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "advert_agency_client_key" UNIQUE ("agency_id", "client_key"), CONSTRAINT "advert_text_length" CHECK (char_length(text) <= 10000), CONSTRAINT "advert_content_hash_form" CHECK (content_hash ~ '^[0-9a-f]{64}$'), CONSTRAINT "PK_4bd8b4cdfb562b02706beece450" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "advert_advertiser_idx" ON "advert"  ("advertiser_id") `);
    await q.query(`CREATE INDEX "advert_content_hash_idx" ON "advert"  ("content_hash") `);
    await q.query(`CREATE INDEX "advert_url_key_idx" ON "advert"  ("url_key") `);
    await q.query(`CREATE INDEX "advert_captured_at_idx" ON "advert"  ("captured_at") `);
    await q.query(`CREATE INDEX "advert_recorded_at_idx" ON "advert"  ("recorded_at") `);
    await q.query(`CREATE TABLE "advert_identifier" ("advert_id" uuid NOT NULL, "position" smallint NOT NULL, "agency_id" uuid NOT NULL, "is_account" boolean NOT NULL DEFAULT false, "scheme" text NOT NULL, "value" text NOT NULL, "value_key" text NOT NULL, CONSTRAINT "PK_b56417a8d58ad53a9b6b26d3b3a" PRIMARY KEY ("advert_id", "position"))`);
    await q.query(`CREATE INDEX "advert_identifier_key_idx" ON "advert_identifier"  ("scheme", "value_key") `);
    await q.query(`CREATE TABLE "advert_offer" ("advert_id" uuid NOT NULL, "position" smallint NOT NULL, "agency_id" uuid NOT NULL, "item_kind" "public"."item_kind", "make" text, "model" text, "quantity" integer, "amount" numeric, "currency" character(3), CONSTRAINT "advert_offer_quantity_positive" CHECK (quantity > 0), CONSTRAINT "advert_offer_price_has_currency" CHECK ((amount IS NULL) = (currency IS NULL)), CONSTRAINT "advert_offer_price_positive" CHECK (amount > 0), CONSTRAINT "PK_3dbcd0c1034ed87fad334bb325b" PRIMARY KEY ("advert_id", "position"))`);
    await q.query(`CREATE TABLE "advert_seizure" ("advert_id" uuid NOT NULL, "seizure_id" uuid NOT NULL, "agency_id" uuid NOT NULL, CONSTRAINT "PK_da32978b428505980a01e3e24c0" PRIMARY KEY ("advert_id", "seizure_id"))`);
    await q.query(`CREATE INDEX "advert_seizure_seizure_idx" ON "advert_seizure"  ("seizure_id") `);
    await q.query(`ALTER TABLE "advert" ADD CONSTRAINT "FK_ce1c05b1a8d9e0ae8cd85ba0736" FOREIGN KEY ("agency_id") REFERENCES "agency"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "advert" ADD CONSTRAINT "FK_378d46e42ebe76fc02777015f45" FOREIGN KEY ("advertiser_id") REFERENCES "supplier"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "advert_identifier" ADD CONSTRAINT "FK_f0a34c625dbbd0159979f24f210" FOREIGN KEY ("advert_id") REFERENCES "advert"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "advert_offer" ADD CONSTRAINT "FK_119cf04d3ff99ca69948f7c1525" FOREIGN KEY ("advert_id") REFERENCES "advert"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "advert_seizure" ADD CONSTRAINT "FK_05b64c4c396c269fee88504fea2" FOREIGN KEY ("advert_id") REFERENCES "advert"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await q.query(`ALTER TABLE "advert_seizure" ADD CONSTRAINT "FK_5746465c7e087ec80ec90a3faf2" FOREIGN KEY ("seizure_id") REFERENCES "seizure"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);

    // A folded text's runs of three words, hashed: what near-duplicate candidates share.
    await q.query(`CREATE FUNCTION advert_shingles(fold text) RETURNS int8[]
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT coalesce(array_agg(DISTINCT hashtextextended(w[i] || ' ' || w[i + 1] || ' ' || w[i + 2], 0)), '{}')
          FROM (SELECT string_to_array(fold, ' ') AS w) words, generate_series(1, cardinality(w) - 2) AS i
      $$`);
    await q.query(`CREATE TABLE advert_text (
      advert_id uuid PRIMARY KEY REFERENCES advert (id) ON DELETE CASCADE,
      agency_id uuid NOT NULL,
      fold text,
      document tsvector NOT NULL,
      trigram_count int GENERATED ALWAYS AS (coalesce(cardinality(show_trgm(fold)), 0)) STORED,
      shingles int8[] GENERATED ALWAYS AS (advert_shingles(fold)) STORED
    )`);
    await q.query(`CREATE INDEX advert_text_document_idx ON advert_text USING gin (document)`);
    await q.query(`CREATE INDEX advert_text_shingles_idx ON advert_text USING gin (shingles)`);
    // Enough most common elements that every shingle a template repeats is among them.
    await q.query(`ALTER TABLE advert_text ALTER COLUMN shingles SET STATISTICS ${SHINGLE_STATISTICS}`);
    // The most common shingles as of the last ANALYZE of advert_text, as rows: reading them from
    // pg_stats means parsing 10,000 numbers from text, 15 ms a call.
    await q.query(`CREATE TABLE advert_common_shingle (shingle int8 PRIMARY KEY)`);
    await q.query(`CREATE TABLE advert_common_shingle_source (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), analysed_at timestamptz NOT NULL)`);
    // The search document of a text and its folded form; a query word in every configuration, OR'd.
    await q.query(`CREATE FUNCTION advert_document(body text, fold text) RETURNS tsvector
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ${inEveryConfig('to_tsvector', 'body')} || to_tsvector('pg_catalog.simple', coalesce(fold, '')) $$`);
    await q.query(`CREATE FUNCTION advert_word_query(word text, fold text) RETURNS tsquery
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT ${inEveryConfig('plainto_tsquery', 'word')} || plainto_tsquery('pg_catalog.simple', fold) $$`);
    await q.query(`CREATE AGGREGATE advert_all_words(tsquery) (SFUNC = tsquery_and, STYPE = tsquery)`);
    // The share of the shorter text's trigrams that the other holds, from their similarity (shared
    // ÷ union, as pg_trgm computes it) and their trigram counts: shared = s × (a + b) ÷ (1 + s).
    // Arithmetic on what the candidate search computes anyway, instead of intersecting the sets again.
    await q.query(`CREATE FUNCTION trigram_overlap(score real, count_a int, count_b int) RETURNS float8
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN least(count_a, count_b) = 0 THEN 0 ELSE score * (count_a + count_b) / ((1 + score) * least(count_a, count_b)) END
      $$`);

    await q.query(`GRANT SELECT, INSERT ON advert, ${DEPENDENT.join(', ')} TO registry_app`);
    await q.query(`GRANT UPDATE (advertiser_id) ON advert TO registry_app`);
    await q.query(`ALTER TABLE advert ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE advert FORCE ROW LEVEL SECURITY`);
    await q.query(`CREATE POLICY advert_read ON advert FOR SELECT TO registry_app USING (app_can_read(agency_id, handling, shared_with, recorded_by))`);
    await q.query(`CREATE POLICY advert_insert ON advert FOR INSERT TO registry_app WITH CHECK (agency_id = app_agency() AND recorded_by = app_subject())`);
    // advertLink: the recording agency's analysts name the party behind it.
    await q.query(`CREATE POLICY advert_update ON advert FOR UPDATE TO registry_app USING (agency_id = app_agency()) WITH CHECK (agency_id = app_agency())`);
    await q.query(`CREATE POLICY advert_owner_read ON advert FOR SELECT TO CURRENT_USER USING (true)`);
    for (const table of DEPENDENT) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`);
      // The subquery is itself under the advert's read policy.
      await q.query(`CREATE POLICY ${table}_read ON ${table} FOR SELECT TO registry_app USING (EXISTS (SELECT 1 FROM advert a WHERE a.id = ${table}.advert_id))`);
      await q.query(`CREATE POLICY ${table}_insert ON ${table} FOR INSERT TO registry_app WITH CHECK (agency_id = app_agency())`);
    }
    await q.query(`CREATE POLICY advert_identifier_owner_read ON advert_identifier FOR SELECT TO CURRENT_USER USING (true)`);
    await q.query(`CREATE POLICY advert_text_owner_read ON advert_text FOR SELECT TO CURRENT_USER USING (true)`);

    await q.query(`CREATE OR REPLACE VIEW sighting_key AS ${KEYS_BEFORE}
      UNION ALL
      ${ADVERT_KEYS}`);
    await q.query(`CREATE OR REPLACE FUNCTION sighted_record(kind sighted_kind, id uuid)
      RETURNS TABLE (agency_id uuid, handling handling_code, readable boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        ${RECORDS_BEFORE}
        UNION ALL
        ${ADVERT_RECORD}
      $$`);
    await q.query(sightingLink(BASIS_BY_SCHEME));

    await q.query(`CREATE FUNCTION advert_text_search(words text[], folds text[])
      RETURNS TABLE (advert_id uuid, score numeric)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        WITH query AS (SELECT advert_all_words(advert_word_query(w.word, w.fold)) AS q FROM unnest(words, folds) AS w(word, fold))
        SELECT t.advert_id, round(ts_rank_cd(t.document, query.q)::numeric, 6)
          FROM query JOIN advert_text t ON t.document @@ query.q
          JOIN advert a ON a.id = t.advert_id
         WHERE app_can_read(a.agency_id, a.handling, a.shared_with, a.recorded_by)
      $$`);
    // Copies the statistics' most common shingles when advert_text was analysed since the last
    // copy; one transaction at a time (the others go on with the copy they see).
    await q.query(`CREATE FUNCTION advert_common_shingles_refresh() RETURNS void
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
          analysed timestamptz := greatest(pg_stat_get_last_analyze_time('advert_text'::regclass), pg_stat_get_last_autoanalyze_time('advert_text'::regclass));
        BEGIN
          IF analysed IS NULL OR analysed <= (SELECT analysed_at FROM advert_common_shingle_source) THEN RETURN; END IF;
          IF NOT pg_try_advisory_xact_lock(hashtext('advert_common_shingle')) THEN RETURN; END IF;
          IF analysed <= (SELECT analysed_at FROM advert_common_shingle_source) THEN RETURN; END IF;
          DELETE FROM advert_common_shingle;
          INSERT INTO advert_common_shingle (shingle)
          SELECT DISTINCT e.shingle
            FROM pg_stats s, unnest(s.most_common_elems::text::int8[], s.most_common_elem_freqs) AS e(shingle, frequency)
           WHERE s.schemaname = 'public' AND s.tablename = 'advert_text' AND s.attname = 'shingles' AND e.shingle IS NOT NULL
             AND e.frequency * (SELECT reltuples FROM pg_class WHERE oid = 'advert_text'::regclass) >= ${COMMON_SHINGLE_TEXTS};
          INSERT INTO advert_common_shingle_source (analysed_at) VALUES (analysed)
            ON CONFLICT (only_row) DO UPDATE SET analysed_at = excluded.analysed_at;
        END
      $$`);
    await q.query(`CREATE FUNCTION sighting_link_text(ids uuid[]) RETURNS int
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        DECLARE
          stored int;
        BEGIN
          PERFORM advert_common_shingles_refresh();
          WITH mine AS (
            SELECT advert_id, agency_id, fold, trigram_count, shingles FROM advert_text WHERE advert_id = ANY(ids) AND agency_id = app_agency()
          ), distinctive AS (
            SELECT mine.advert_id, array_agg(t.shingle) AS shingles
              FROM mine, unnest(mine.shingles) AS t(shingle)
             WHERE NOT EXISTS (SELECT 1 FROM advert_common_shingle common WHERE common.shingle = t.shingle)
             GROUP BY mine.advert_id
          ), found AS (
            SELECT mine.advert_id AS mine_id, other.advert_id AS other_id, similarity(mine.fold, other.fold) AS score, mine.trigram_count AS mine_count, other.trigram_count AS other_count
              FROM mine JOIN distinctive d ON d.advert_id = mine.advert_id
              JOIN advert_text other ON other.shingles && d.shingles AND other.agency_id <> mine.agency_id
          ), inserted AS (
            INSERT INTO sighting (kind_a, record_a, kind_b, record_b, basis, scheme, value_key, score)
            SELECT 'ADVERT', least(mine_id, other_id), 'ADVERT', greatest(mine_id, other_id), 'SIMILAR_TEXT', 'TEXT', '',
                   greatest(least(round(score::numeric, 3), 0.999), 0.001)
              FROM found WHERE score >= ${MIN_SIMILARITY} AND trigram_overlap(score, mine_count, other_count) >= ${NEAR_OVERLAP}
            ON CONFLICT DO NOTHING
            RETURNING 1
          )
          SELECT count(*)::int INTO stored FROM inserted;
          RETURN stored;
        END
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION advert_common_shingles_refresh() FROM PUBLIC`);
    for (const signature of ['advert_text_search(text[], text[])', 'sighting_link_text(uuid[])']) {
      await q.query(`REVOKE ALL ON FUNCTION ${signature} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${signature} TO registry_app`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION sighting_link_text(uuid[])`);
    await q.query(`DROP FUNCTION advert_text_search(text[], text[])`);
    await q.query(sightingLink(`CAST('SAME_IDENTIFIER' AS sighting_basis)`));
    await q.query(`CREATE OR REPLACE FUNCTION sighted_record(kind sighted_kind, id uuid)
      RETURNS TABLE (agency_id uuid, handling handling_code, readable boolean)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        ${RECORDS_BEFORE}
      $$`);
    await q.query(`DELETE FROM sighting WHERE kind_a = 'ADVERT' OR kind_b = 'ADVERT'`);
    await q.query(`CREATE OR REPLACE VIEW sighting_key AS ${KEYS_BEFORE}`);
    await q.query(`DROP FUNCTION advert_common_shingles_refresh()`);
    await q.query(`DROP TABLE advert_common_shingle_source`);
    await q.query(`DROP TABLE advert_common_shingle`);
    await q.query(`DROP FUNCTION trigram_overlap(real, int, int)`);
    await q.query(`DROP AGGREGATE advert_all_words(tsquery)`);
    await q.query(`DROP FUNCTION advert_word_query(text, text)`);
    await q.query(`DROP FUNCTION advert_document(text, text)`);
    for (const table of ['advert_text', 'advert_seizure', 'advert_offer', 'advert_identifier', 'advert']) await q.query(`DROP TABLE ${table}`);
    await q.query(`DROP FUNCTION advert_shingles(text)`);
    await q.query(`DROP TYPE "public"."advert_kind"`);
    await q.query(`DROP TYPE "public"."advert_platform"`);
  }
}
