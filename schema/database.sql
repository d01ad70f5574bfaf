-- The migrated database, schema only: regenerate with `npm run schema:database` (a test compares).
-- Left out: the monthly audit_event partitions (made ahead by date), the migrations table, the
-- objects of extensions; CURRENT_USER is the owner who ran the migrations.

-- Extensions
CREATE EXTENSION pg_trgm;

-- Schema privileges
GRANT USAGE ON SCHEMA public TO PUBLIC;
GRANT USAGE ON SCHEMA public TO registry_app;

-- Types
CREATE TYPE advert_kind AS ENUM ('EQUIPMENT_SALE', 'CROSSING_OFFER', 'RECRUITMENT', 'OTHER');
CREATE TYPE advert_platform AS ENUM ('FACEBOOK', 'INSTAGRAM', 'TIKTOK', 'TELEGRAM', 'WHATSAPP', 'SNAPCHAT', 'X', 'YOUTUBE', 'MARKETPLACE', 'WEBSITE', 'OTHER');
CREATE TYPE change_kind AS ENUM ('SEIZURE_RECORDED', 'SEIZURE_AMENDED', 'MATCH_FOUND', 'MATCH_DECIDED', 'SIGHTING_FOUND');
CREATE TYPE engine_fuel AS ENUM ('PETROL', 'DIESEL', 'ELECTRIC', 'OTHER');
CREATE TYPE handling_code AS ENUM ('TLP_CLEAR', 'TLP_GREEN', 'TLP_AMBER', 'TLP_AMBER_STRICT', 'TLP_RED');
CREATE TYPE hull_material AS ENUM ('PVC', 'HYPALON', 'RIGID_INFLATABLE', 'GRP', 'WOOD', 'OTHER');
CREATE TYPE identifier_field AS ENUM ('HIN', 'SERIAL', 'BATCH');
CREATE TYPE item_condition AS ENUM ('NEW', 'USED', 'DAMAGED', 'COUNTERFEIT', 'UNKNOWN');
CREATE TYPE item_kind AS ENUM ('BOAT', 'ENGINE', 'LIFE_JACKET', 'FUEL_CONTAINER', 'PUMP', 'OTHER');
CREATE TYPE life_jacket_size AS ENUM ('ADULT', 'CHILD', 'INFANT');
CREATE TYPE match_basis AS ENUM ('SAME_HIN', 'SAME_SERIAL', 'SAME_BATCH', 'ANALYST_LINK');
CREATE TYPE match_status AS ENUM ('SUGGESTED', 'CONFIRMED', 'REJECTED');
CREATE TYPE payment_method AS ENUM ('HAWALA', 'MONEY_TRANSFER', 'BANK_TRANSFER', 'CASH', 'CRYPTO', 'CARD', 'OTHER', 'UNKNOWN');
CREATE TYPE sighted_kind AS ENUM ('SUPPLIER', 'PAYMENT', 'ADVERT');
CREATE TYPE sighting_basis AS ENUM ('SAME_IDENTIFIER', 'SAME_URL', 'SAME_CONTENT', 'SIMILAR_TEXT');
CREATE TYPE supplier_role AS ENUM ('MANUFACTURER', 'IMPORTER', 'WHOLESALER', 'RETAILER', 'ONLINE_SELLER', 'FACILITATOR', 'MONEY_BROKER', 'BUYER', 'UNKNOWN');
CREATE TYPE transport_mode AS ENUM ('ROAD', 'SEA', 'AIR', 'RAIL', 'POST', 'COURIER', 'UNKNOWN');

-- Table advert
CREATE TABLE advert (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  agency_id uuid NOT NULL,
  platform advert_platform NOT NULL,
  kind advert_kind NOT NULL,
  url text,
  url_key text,
  captured_at timestamp with time zone NOT NULL,
  text text,
  content_hash text,
  advertiser_id uuid,
  handling handling_code NOT NULL,
  shared_with uuid[] DEFAULT '{}'::uuid[] NOT NULL,
  recorded_by text NOT NULL,
  client_key text,
  recorded_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE advert ADD CONSTRAINT "PK_4bd8b4cdfb562b02706beece450" PRIMARY KEY (id);
ALTER TABLE advert ADD CONSTRAINT advert_agency_client_key UNIQUE (agency_id, client_key);
ALTER TABLE advert ADD CONSTRAINT "FK_378d46e42ebe76fc02777015f45" FOREIGN KEY (advertiser_id) REFERENCES supplier(id) ON DELETE RESTRICT;
ALTER TABLE advert ADD CONSTRAINT "FK_ce1c05b1a8d9e0ae8cd85ba0736" FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT;
ALTER TABLE advert ADD CONSTRAINT advert_content_hash_form CHECK ((content_hash ~ '^[0-9a-f]{64}$'::text));
ALTER TABLE advert ADD CONSTRAINT advert_text_length CHECK ((char_length(text) <= 10000));
CREATE INDEX advert_advertiser_idx ON public.advert USING btree (advertiser_id);
CREATE INDEX advert_captured_at_idx ON public.advert USING btree (captured_at);
CREATE INDEX advert_content_hash_idx ON public.advert USING btree (content_hash);
CREATE INDEX advert_recorded_at_idx ON public.advert USING btree (recorded_at);
CREATE INDEX advert_url_key_idx ON public.advert USING btree (url_key);
ALTER TABLE advert ENABLE ROW LEVEL SECURITY;
ALTER TABLE advert FORCE ROW LEVEL SECURITY;
CREATE POLICY advert_insert ON advert FOR INSERT TO registry_app WITH CHECK (((agency_id = app_agency()) AND (recorded_by = app_subject())));
CREATE POLICY advert_owner_read ON advert FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY advert_read ON advert FOR SELECT TO registry_app USING (app_can_read(agency_id, handling, shared_with, recorded_by));
CREATE POLICY advert_update ON advert FOR UPDATE TO registry_app USING ((agency_id = app_agency())) WITH CHECK ((agency_id = app_agency()));
GRANT INSERT, SELECT ON advert TO registry_app;
GRANT UPDATE (advertiser_id) ON advert TO registry_app;

-- Table advert_common_shingle
CREATE TABLE advert_common_shingle (
  shingle bigint NOT NULL
);
ALTER TABLE advert_common_shingle ADD CONSTRAINT advert_common_shingle_pkey PRIMARY KEY (shingle);

-- Table advert_common_shingle_source
CREATE TABLE advert_common_shingle_source (
  only_row boolean DEFAULT true NOT NULL,
  analysed_at timestamp with time zone NOT NULL
);
ALTER TABLE advert_common_shingle_source ADD CONSTRAINT advert_common_shingle_source_pkey PRIMARY KEY (only_row);
ALTER TABLE advert_common_shingle_source ADD CONSTRAINT advert_common_shingle_source_only_row_check CHECK (only_row);

-- Table advert_identifier
CREATE TABLE advert_identifier (
  advert_id uuid NOT NULL,
  "position" smallint NOT NULL,
  agency_id uuid NOT NULL,
  is_account boolean DEFAULT false NOT NULL,
  scheme text NOT NULL,
  value text NOT NULL,
  value_key text NOT NULL
);
ALTER TABLE advert_identifier ADD CONSTRAINT "PK_b56417a8d58ad53a9b6b26d3b3a" PRIMARY KEY (advert_id, "position");
ALTER TABLE advert_identifier ADD CONSTRAINT "FK_f0a34c625dbbd0159979f24f210" FOREIGN KEY (advert_id) REFERENCES advert(id) ON DELETE CASCADE;
CREATE INDEX advert_identifier_key_idx ON public.advert_identifier USING btree (scheme, value_key);
ALTER TABLE advert_identifier ENABLE ROW LEVEL SECURITY;
ALTER TABLE advert_identifier FORCE ROW LEVEL SECURITY;
CREATE POLICY advert_identifier_insert ON advert_identifier FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY advert_identifier_owner_read ON advert_identifier FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY advert_identifier_read ON advert_identifier FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM advert a
  WHERE (a.id = advert_identifier.advert_id))));
GRANT INSERT, SELECT ON advert_identifier TO registry_app;

-- Table advert_offer
CREATE TABLE advert_offer (
  advert_id uuid NOT NULL,
  "position" smallint NOT NULL,
  agency_id uuid NOT NULL,
  item_kind item_kind,
  make text,
  model text,
  quantity integer,
  amount numeric,
  currency character(3)
);
ALTER TABLE advert_offer ADD CONSTRAINT "PK_3dbcd0c1034ed87fad334bb325b" PRIMARY KEY (advert_id, "position");
ALTER TABLE advert_offer ADD CONSTRAINT "FK_119cf04d3ff99ca69948f7c1525" FOREIGN KEY (advert_id) REFERENCES advert(id) ON DELETE CASCADE;
ALTER TABLE advert_offer ADD CONSTRAINT advert_offer_price_has_currency CHECK (((amount IS NULL) = (currency IS NULL)));
ALTER TABLE advert_offer ADD CONSTRAINT advert_offer_price_positive CHECK ((amount > (0)::numeric));
ALTER TABLE advert_offer ADD CONSTRAINT advert_offer_quantity_positive CHECK ((quantity > 0));
ALTER TABLE advert_offer ENABLE ROW LEVEL SECURITY;
ALTER TABLE advert_offer FORCE ROW LEVEL SECURITY;
CREATE POLICY advert_offer_insert ON advert_offer FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY advert_offer_read ON advert_offer FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM advert a
  WHERE (a.id = advert_offer.advert_id))));
GRANT INSERT, SELECT ON advert_offer TO registry_app;

-- Table advert_seizure
CREATE TABLE advert_seizure (
  advert_id uuid NOT NULL,
  seizure_id uuid NOT NULL,
  agency_id uuid NOT NULL
);
ALTER TABLE advert_seizure ADD CONSTRAINT "PK_da32978b428505980a01e3e24c0" PRIMARY KEY (advert_id, seizure_id);
ALTER TABLE advert_seizure ADD CONSTRAINT "FK_05b64c4c396c269fee88504fea2" FOREIGN KEY (advert_id) REFERENCES advert(id) ON DELETE CASCADE;
ALTER TABLE advert_seizure ADD CONSTRAINT "FK_5746465c7e087ec80ec90a3faf2" FOREIGN KEY (seizure_id) REFERENCES seizure(id) ON DELETE CASCADE;
CREATE INDEX advert_seizure_seizure_idx ON public.advert_seizure USING btree (seizure_id);
ALTER TABLE advert_seizure ENABLE ROW LEVEL SECURITY;
ALTER TABLE advert_seizure FORCE ROW LEVEL SECURITY;
CREATE POLICY advert_seizure_insert ON advert_seizure FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY advert_seizure_read ON advert_seizure FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM advert a
  WHERE (a.id = advert_seizure.advert_id))));
GRANT INSERT, SELECT ON advert_seizure TO registry_app;

-- Table advert_text
CREATE TABLE advert_text (
  advert_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  fold text,
  document tsvector NOT NULL,
  trigram_count integer GENERATED ALWAYS AS (COALESCE(cardinality(show_trgm(fold)), 0)) STORED,
  shingles bigint[] GENERATED ALWAYS AS (advert_shingles(fold)) STORED
);
ALTER TABLE advert_text ADD CONSTRAINT advert_text_pkey PRIMARY KEY (advert_id);
ALTER TABLE advert_text ADD CONSTRAINT advert_text_advert_id_fkey FOREIGN KEY (advert_id) REFERENCES advert(id) ON DELETE CASCADE;
CREATE INDEX advert_text_document_idx ON public.advert_text USING gin (document);
CREATE INDEX advert_text_shingles_idx ON public.advert_text USING gin (shingles);
ALTER TABLE advert_text ENABLE ROW LEVEL SECURITY;
ALTER TABLE advert_text FORCE ROW LEVEL SECURITY;
CREATE POLICY advert_text_insert ON advert_text FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY advert_text_owner_read ON advert_text FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY advert_text_read ON advert_text FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM advert a
  WHERE (a.id = advert_text.advert_id))));
GRANT INSERT, SELECT ON advert_text TO registry_app;

-- Table agency
CREATE TABLE agency (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  jurisdiction character(2) NOT NULL,
  created_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE agency ADD CONSTRAINT "PK_ab1244724d1c216e9720635a2e5" PRIMARY KEY (id);
ALTER TABLE agency ADD CONSTRAINT "UQ_fbda24d0286deca69d0b8d30f10" UNIQUE (code);
GRANT INSERT, SELECT ON agency TO registry_app;

-- Table audit_event
CREATE TABLE audit_event (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  at timestamp(3) with time zone DEFAULT now() NOT NULL,
  actor text NOT NULL,
  agency_code text,
  agency_id uuid,
  operation text NOT NULL,
  outcome text NOT NULL,
  entity_ids text[] DEFAULT '{}'::text[] NOT NULL,
  request_id text,
  client_address text,
  justification text
) PARTITION BY RANGE (at);
ALTER TABLE audit_event ADD CONSTRAINT audit_event_pkey PRIMARY KEY (id, at);
ALTER TABLE audit_event ADD CONSTRAINT audit_event_outcome_check CHECK ((outcome = ANY (ARRAY['SUCCESS'::text, 'DENIED'::text, 'FAILED'::text])));
CREATE INDEX audit_event_agency_at_idx ON ONLY public.audit_event USING btree (agency_id, at, id);
CREATE INDEX audit_event_at_idx ON ONLY public.audit_event USING btree (at, id);
ALTER TABLE audit_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE audit_event FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_event_insert ON audit_event FOR INSERT TO registry_app WITH CHECK (true);
CREATE POLICY audit_event_owner ON audit_event FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY audit_event_read ON audit_event FOR SELECT TO registry_app USING (true);
CREATE TRIGGER audit_event_append_only BEFORE DELETE OR UPDATE ON audit_event FOR EACH ROW EXECUTE FUNCTION audit_event_refuse_change();
GRANT INSERT, SELECT ON audit_event TO registry_app;

-- Table audit_event_default
CREATE TABLE audit_event_default PARTITION OF audit_event DEFAULT;

-- Table change_event
CREATE TABLE change_event (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  txid xid8 DEFAULT pg_current_xact_id() NOT NULL,
  kind change_kind NOT NULL,
  at timestamp with time zone DEFAULT now() NOT NULL,
  seizure_id uuid,
  item_a uuid,
  item_b uuid,
  sighted_a sighted_kind,
  record_a uuid,
  sighted_b sighted_kind,
  record_b uuid,
  agency_a uuid,
  agency_b uuid
);
ALTER TABLE change_event ADD CONSTRAINT change_event_pkey PRIMARY KEY (id);
ALTER TABLE change_event ADD CONSTRAINT change_event_names_its_record CHECK ((((kind = ANY (ARRAY['SEIZURE_RECORDED'::change_kind, 'SEIZURE_AMENDED'::change_kind])) AND (seizure_id IS NOT NULL)) OR ((kind = ANY (ARRAY['MATCH_FOUND'::change_kind, 'MATCH_DECIDED'::change_kind])) AND (item_a IS NOT NULL) AND (item_b IS NOT NULL)) OR ((kind = 'SIGHTING_FOUND'::change_kind) AND (record_a IS NOT NULL) AND (record_b IS NOT NULL))));
CREATE INDEX change_event_at_idx ON public.change_event USING btree (at);
CREATE INDEX change_event_feed_idx ON public.change_event USING btree (txid, id);
ALTER TABLE change_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_event FORCE ROW LEVEL SECURITY;
CREATE POLICY change_event_owner ON change_event FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY change_event_read ON change_event FOR SELECT TO registry_app USING (
CASE
    WHEN (seizure_id IS NOT NULL) THEN (EXISTS ( SELECT 1
       FROM seizure s
      WHERE (s.id = change_event.seizure_id)))
    ELSE ((app_agency() = agency_a) OR (app_agency() = agency_b))
END);
CREATE TRIGGER change_event_notify AFTER INSERT ON change_event FOR EACH STATEMENT EXECUTE FUNCTION change_notify();
GRANT SELECT ON change_event TO registry_app;

-- Table identifier_key
CREATE TABLE identifier_key (
  item_id uuid NOT NULL,
  field identifier_field NOT NULL,
  agency_id uuid NOT NULL,
  seizure_id uuid NOT NULL,
  kind item_kind NOT NULL,
  key text NOT NULL,
  folded text NOT NULL,
  has_wildcards boolean NOT NULL
);
ALTER TABLE identifier_key ADD CONSTRAINT "PK_745b26ca88151930e9534db943d" PRIMARY KEY (item_id, field);
ALTER TABLE identifier_key ADD CONSTRAINT "FK_3f0624b7fffb33bb2290ce9161c" FOREIGN KEY (item_id) REFERENCES item(id) ON DELETE CASCADE;
CREATE INDEX identifier_key_damaged_trgm_idx ON public.identifier_key USING gin (folded gin_trgm_ops) WHERE has_wildcards;
CREATE INDEX identifier_key_folded_idx ON public.identifier_key USING btree (kind, field, folded);
CREATE INDEX identifier_key_folded_trgm_idx ON public.identifier_key USING gin (folded gin_trgm_ops);
ALTER TABLE identifier_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE identifier_key FORCE ROW LEVEL SECURITY;
CREATE POLICY identifier_key_insert ON identifier_key FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY identifier_key_owner_read ON identifier_key FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY identifier_key_read ON identifier_key FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM item i
  WHERE (i.id = identifier_key.item_id))));
GRANT INSERT, SELECT ON identifier_key TO registry_app;

-- Table item
CREATE TABLE item (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  seizure_id uuid NOT NULL,
  agency_id uuid NOT NULL,
  "position" integer NOT NULL,
  kind item_kind NOT NULL,
  make text,
  model text,
  serial_number text,
  hin text,
  batch_number text,
  hin_key text,
  serial_key text,
  batch_key text,
  mark_damaged boolean DEFAULT false NOT NULL,
  quantity integer DEFAULT 1 NOT NULL,
  condition item_condition DEFAULT 'UNKNOWN'::item_condition NOT NULL,
  description text,
  capacity_litres numeric(9,2),
  recorded_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  boat_length_metres numeric(6,2),
  boat_hull_material hull_material,
  boat_colour text,
  boat_capacity_persons integer,
  engine_power_hp numeric(7,2),
  engine_stroke smallint,
  engine_fuel engine_fuel,
  life_jacket_standard_claimed text,
  life_jacket_ce_marked boolean,
  life_jacket_notified_body text,
  life_jacket_size life_jacket_size,
  life_jacket_buoyancy_newtons integer,
  life_jacket_found_dangerous boolean,
  make_key text DEFAULT ''::text NOT NULL
);
ALTER TABLE item ADD CONSTRAINT "PK_d3c0c71f23e7adcf952a1d13423" PRIMARY KEY (id);
ALTER TABLE item ADD CONSTRAINT item_seizure_position_key UNIQUE (seizure_id, "position");
ALTER TABLE item ADD CONSTRAINT "FK_0ed032485c897e3735ea578a8b7" FOREIGN KEY (seizure_id) REFERENCES seizure(id) ON DELETE CASCADE;
ALTER TABLE item ADD CONSTRAINT "FK_7f8298901576cc54b0cb7f44d4f" FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT;
ALTER TABLE item ADD CONSTRAINT item_quantity_positive CHECK ((quantity >= 1));
CREATE INDEX item_batch_key_idx ON public.item USING btree (batch_key);
CREATE INDEX item_hin_key_idx ON public.item USING btree (hin_key);
CREATE INDEX item_kind_seizure_idx ON public.item USING btree (kind, seizure_id);
CREATE INDEX item_make_lower_idx ON public.item USING btree (lower(make));
CREATE INDEX item_recorded_at_idx ON public.item USING btree (recorded_at, id);
CREATE INDEX item_serial_key_idx ON public.item USING btree (serial_key);
ALTER TABLE item ENABLE ROW LEVEL SECURITY;
ALTER TABLE item FORCE ROW LEVEL SECURITY;
CREATE POLICY item_insert ON item FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY item_owner_read ON item FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY item_read ON item FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM seizure s
  WHERE (s.id = item.seizure_id))));
CREATE POLICY item_update ON item FOR UPDATE TO registry_app USING ((agency_id = app_agency())) WITH CHECK ((agency_id = app_agency()));
CREATE TRIGGER item_counted AFTER INSERT ON item REFERENCING NEW TABLE AS new_items FOR EACH STATEMENT EXECUTE FUNCTION seizure_count_items();
GRANT INSERT, SELECT, UPDATE ON item TO registry_app;

-- Table item_match
CREATE TABLE item_match (
  item_a uuid NOT NULL,
  item_b uuid NOT NULL,
  basis match_basis NOT NULL,
  score numeric(4,3) NOT NULL,
  reasons text[] DEFAULT '{}'::text[] NOT NULL,
  status match_status DEFAULT 'SUGGESTED'::match_status NOT NULL,
  note text,
  decided_by text,
  decided_by_agency_id uuid,
  decided_at timestamp with time zone,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE item_match ADD CONSTRAINT "PK_dc4c2b8cf64a879c48e0ed93758" PRIMARY KEY (item_a, item_b);
ALTER TABLE item_match ADD CONSTRAINT "FK_38fd809df2ce4220295c90b2f7e" FOREIGN KEY (item_a) REFERENCES item(id) ON DELETE CASCADE;
ALTER TABLE item_match ADD CONSTRAINT "FK_662fdd21d8d7270098d8269a60d" FOREIGN KEY (item_b) REFERENCES item(id) ON DELETE CASCADE;
ALTER TABLE item_match ADD CONSTRAINT item_match_ordered_pair CHECK ((item_a < item_b));
CREATE INDEX item_match_item_b_idx ON public.item_match USING btree (item_b);
ALTER TABLE item_match ENABLE ROW LEVEL SECURITY;
ALTER TABLE item_match FORCE ROW LEVEL SECURITY;
CREATE POLICY item_match_insert ON item_match FOR INSERT TO registry_app WITH CHECK ((((EXISTS ( SELECT 1
   FROM item a
  WHERE (a.id = item_match.item_a))) AND (EXISTS ( SELECT 1
   FROM item b
  WHERE (b.id = item_match.item_b)))) OR (EXISTS ( SELECT 1
   FROM item i
  WHERE ((i.id = ANY (ARRAY[item_match.item_a, item_match.item_b])) AND (i.agency_id = app_agency()))))));
CREATE POLICY item_match_owner_insert ON item_match FOR INSERT TO CURRENT_USER WITH CHECK (true);
CREATE POLICY item_match_owner_read ON item_match FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY item_match_read ON item_match FOR SELECT TO registry_app USING (((EXISTS ( SELECT 1
   FROM item a
  WHERE (a.id = item_match.item_a))) AND (EXISTS ( SELECT 1
   FROM item b
  WHERE (b.id = item_match.item_b)))));
CREATE POLICY item_match_update ON item_match FOR UPDATE TO registry_app USING (((EXISTS ( SELECT 1
   FROM item a
  WHERE (a.id = item_match.item_a))) AND (EXISTS ( SELECT 1
   FROM item b
  WHERE (b.id = item_match.item_b))))) WITH CHECK (((EXISTS ( SELECT 1
   FROM item a
  WHERE (a.id = item_match.item_a))) AND (EXISTS ( SELECT 1
   FROM item b
  WHERE (b.id = item_match.item_b)))));
CREATE TRIGGER item_match_decided_change AFTER UPDATE ON item_match FOR EACH ROW WHEN (old.status IS DISTINCT FROM new.status OR old.decided_at IS DISTINCT FROM new.decided_at) EXECUTE FUNCTION change_match_decided();
CREATE TRIGGER item_match_found_change AFTER INSERT ON item_match REFERENCING NEW TABLE AS new_matches FOR EACH STATEMENT EXECUTE FUNCTION change_matches_found();
GRANT INSERT, SELECT, UPDATE ON item_match TO registry_app;

-- Table movement
CREATE TABLE movement (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  agency_id uuid NOT NULL,
  from_supplier_id uuid,
  to_supplier_id uuid,
  occurred_at timestamp with time zone,
  from_country character(2),
  to_country character(2),
  mode transport_mode DEFAULT 'UNKNOWN'::transport_mode NOT NULL,
  document_ref text,
  quantity integer,
  goods_description text,
  handling handling_code NOT NULL,
  shared_with uuid[] DEFAULT '{}'::uuid[] NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  client_key text
);
ALTER TABLE movement ADD CONSTRAINT "PK_079f005d01ebda984e75c2d67ee" PRIMARY KEY (id);
ALTER TABLE movement ADD CONSTRAINT movement_agency_client_key UNIQUE (agency_id, client_key);
ALTER TABLE movement ADD CONSTRAINT "FK_4d93ba5e55d013c33d126a5ad3c" FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT;
ALTER TABLE movement ADD CONSTRAINT "FK_c011e8523fd98642a88f5019988" FOREIGN KEY (from_supplier_id) REFERENCES supplier(id) ON DELETE RESTRICT;
ALTER TABLE movement ADD CONSTRAINT "FK_ea98b05fb7c3f05120fe29a5e3c" FOREIGN KEY (to_supplier_id) REFERENCES supplier(id) ON DELETE RESTRICT;
ALTER TABLE movement ADD CONSTRAINT movement_has_a_party CHECK (((from_supplier_id IS NOT NULL) OR (to_supplier_id IS NOT NULL)));
ALTER TABLE movement ADD CONSTRAINT movement_parties_differ CHECK ((from_supplier_id IS DISTINCT FROM to_supplier_id));
CREATE INDEX movement_from_supplier_idx ON public.movement USING btree (from_supplier_id);
CREATE INDEX movement_occurred_at_idx ON public.movement USING btree (occurred_at);
CREATE INDEX movement_to_supplier_idx ON public.movement USING btree (to_supplier_id);
ALTER TABLE movement ENABLE ROW LEVEL SECURITY;
ALTER TABLE movement FORCE ROW LEVEL SECURITY;
CREATE POLICY movement_insert ON movement FOR INSERT TO registry_app WITH CHECK (((agency_id = app_agency()) AND (recorded_by = app_subject())));
CREATE POLICY movement_owner_read ON movement FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY movement_read ON movement FOR SELECT TO registry_app USING (app_can_read(agency_id, handling, shared_with, recorded_by));
CREATE POLICY movement_update ON movement FOR UPDATE TO registry_app USING ((agency_id = app_agency())) WITH CHECK ((agency_id = app_agency()));
CREATE TRIGGER movement_stepped AFTER INSERT ON movement REFERENCING NEW TABLE AS new_movements FOR EACH STATEMENT EXECUTE FUNCTION supply_step_add();
GRANT INSERT, SELECT, UPDATE ON movement TO registry_app;

-- Table movement_item
CREATE TABLE movement_item (
  movement_id uuid NOT NULL,
  item_id uuid NOT NULL,
  agency_id uuid NOT NULL
);
ALTER TABLE movement_item ADD CONSTRAINT "PK_ffdfb2e412e8d78ae27449fa8e8" PRIMARY KEY (movement_id, item_id);
ALTER TABLE movement_item ADD CONSTRAINT "FK_002c25636aae2dceccd51b54b6e" FOREIGN KEY (item_id) REFERENCES item(id) ON DELETE CASCADE;
ALTER TABLE movement_item ADD CONSTRAINT "FK_f2240c2e318c2860a790a8d80cc" FOREIGN KEY (movement_id) REFERENCES movement(id) ON DELETE CASCADE;
CREATE INDEX movement_item_item_idx ON public.movement_item USING btree (item_id);
ALTER TABLE movement_item ENABLE ROW LEVEL SECURITY;
ALTER TABLE movement_item FORCE ROW LEVEL SECURITY;
CREATE POLICY movement_item_insert ON movement_item FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY movement_item_owner_read ON movement_item FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY movement_item_read ON movement_item FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM movement p
  WHERE (p.id = movement_item.movement_id))));
GRANT INSERT, SELECT, UPDATE ON movement_item TO registry_app;

-- Table payment
CREATE TABLE payment (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  agency_id uuid NOT NULL,
  payer_id uuid,
  payee_id uuid,
  broker_count smallint DEFAULT '0'::smallint NOT NULL,
  method payment_method DEFAULT 'UNKNOWN'::payment_method NOT NULL,
  amount numeric,
  currency character(3),
  paid_at timestamp with time zone,
  from_country character(2),
  to_country character(2),
  reference text,
  reference_key text,
  handling handling_code NOT NULL,
  shared_with uuid[] DEFAULT '{}'::uuid[] NOT NULL,
  recorded_by text NOT NULL,
  client_key text,
  recorded_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE payment ADD CONSTRAINT "PK_fcaec7df5adf9cac408c686b2ab" PRIMARY KEY (id);
ALTER TABLE payment ADD CONSTRAINT payment_agency_client_key UNIQUE (agency_id, client_key);
ALTER TABLE payment ADD CONSTRAINT "FK_14d2f05fcc5e9b762a259a5e3dd" FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT;
ALTER TABLE payment ADD CONSTRAINT "FK_43da65ab1505862a57fd9d462e6" FOREIGN KEY (payee_id) REFERENCES supplier(id) ON DELETE RESTRICT;
ALTER TABLE payment ADD CONSTRAINT "FK_b17a01172f69d4efcd728e53ecb" FOREIGN KEY (payer_id) REFERENCES supplier(id) ON DELETE RESTRICT;
ALTER TABLE payment ADD CONSTRAINT payment_amount_has_currency CHECK (((amount IS NULL) = (currency IS NULL)));
ALTER TABLE payment ADD CONSTRAINT payment_amount_positive CHECK ((amount > (0)::numeric));
ALTER TABLE payment ADD CONSTRAINT payment_parties_differ CHECK ((payer_id <> payee_id));
CREATE INDEX payment_paid_at_idx ON public.payment USING btree (paid_at);
CREATE INDEX payment_recorded_at_idx ON public.payment USING btree (recorded_at);
CREATE INDEX payment_reference_key_idx ON public.payment USING btree (reference_key);
ALTER TABLE payment ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_insert ON payment FOR INSERT TO registry_app WITH CHECK (((agency_id = app_agency()) AND (recorded_by = app_subject())));
CREATE POLICY payment_owner_read ON payment FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY payment_read ON payment FOR SELECT TO registry_app USING (app_can_read(agency_id, handling, shared_with, recorded_by));
GRANT INSERT, SELECT ON payment TO registry_app;

-- Table payment_movement
CREATE TABLE payment_movement (
  payment_id uuid NOT NULL,
  movement_id uuid NOT NULL,
  agency_id uuid NOT NULL
);
ALTER TABLE payment_movement ADD CONSTRAINT "PK_cbef1b952e23d783e066e800494" PRIMARY KEY (payment_id, movement_id);
ALTER TABLE payment_movement ADD CONSTRAINT "FK_807a3b5fed37009952149a38602" FOREIGN KEY (movement_id) REFERENCES movement(id) ON DELETE CASCADE;
ALTER TABLE payment_movement ADD CONSTRAINT "FK_fa9e6f8a53f90be3f1881ad9e8a" FOREIGN KEY (payment_id) REFERENCES payment(id) ON DELETE CASCADE;
CREATE INDEX payment_movement_movement_idx ON public.payment_movement USING btree (movement_id);
ALTER TABLE payment_movement ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_movement FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_movement_insert ON payment_movement FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY payment_movement_read ON payment_movement FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM payment p
  WHERE (p.id = payment_movement.payment_id))));
GRANT INSERT, SELECT ON payment_movement TO registry_app;

-- Table payment_party
CREATE TABLE payment_party (
  payment_id uuid NOT NULL,
  "position" smallint NOT NULL,
  supplier_id uuid NOT NULL,
  agency_id uuid NOT NULL
);
ALTER TABLE payment_party ADD CONSTRAINT "PK_0f6325f5922d5fdd0ff6981e3a6" PRIMARY KEY (payment_id, "position");
ALTER TABLE payment_party ADD CONSTRAINT "FK_6d15222842b24f7f4d5bb2c646a" FOREIGN KEY (supplier_id) REFERENCES supplier(id) ON DELETE RESTRICT;
ALTER TABLE payment_party ADD CONSTRAINT "FK_adde62c247f40fb4cdbd17c5ea7" FOREIGN KEY (payment_id) REFERENCES payment(id) ON DELETE CASCADE;
CREATE INDEX payment_party_supplier_idx ON public.payment_party USING btree (supplier_id, "position");
ALTER TABLE payment_party ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_party FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_party_insert ON payment_party FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY payment_party_owner_read ON payment_party FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY payment_party_read ON payment_party FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM payment p
  WHERE (p.id = payment_party.payment_id))));
GRANT INSERT, SELECT ON payment_party TO registry_app;

-- Table payment_seizure
CREATE TABLE payment_seizure (
  payment_id uuid NOT NULL,
  seizure_id uuid NOT NULL,
  agency_id uuid NOT NULL
);
ALTER TABLE payment_seizure ADD CONSTRAINT "PK_550b24cd00cde287f2f2f6d15f3" PRIMARY KEY (payment_id, seizure_id);
ALTER TABLE payment_seizure ADD CONSTRAINT "FK_8af23ccad2bc1ba38018cffe5c2" FOREIGN KEY (seizure_id) REFERENCES seizure(id) ON DELETE CASCADE;
ALTER TABLE payment_seizure ADD CONSTRAINT "FK_9defe51c36a9eaf26f37e047732" FOREIGN KEY (payment_id) REFERENCES payment(id) ON DELETE CASCADE;
CREATE INDEX payment_seizure_seizure_idx ON public.payment_seizure USING btree (seizure_id);
ALTER TABLE payment_seizure ENABLE ROW LEVEL SECURITY;
ALTER TABLE payment_seizure FORCE ROW LEVEL SECURITY;
CREATE POLICY payment_seizure_insert ON payment_seizure FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY payment_seizure_read ON payment_seizure FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM payment p
  WHERE (p.id = payment_seizure.payment_id))));
GRANT INSERT, SELECT ON payment_seizure TO registry_app;

-- Table route_leg
CREATE TABLE route_leg (
  seizure_id uuid NOT NULL,
  "position" integer NOT NULL,
  agency_id uuid NOT NULL,
  country character(2) NOT NULL,
  place text,
  mode transport_mode DEFAULT 'UNKNOWN'::transport_mode NOT NULL
);
ALTER TABLE route_leg ADD CONSTRAINT "PK_b9418505678fd1fd0ea5f138e35" PRIMARY KEY (seizure_id, "position");
ALTER TABLE route_leg ADD CONSTRAINT "FK_448387ede1f65339e563faa11d6" FOREIGN KEY (seizure_id) REFERENCES seizure(id) ON DELETE CASCADE;
CREATE INDEX route_leg_country_idx ON public.route_leg USING btree (country);
ALTER TABLE route_leg ENABLE ROW LEVEL SECURITY;
ALTER TABLE route_leg FORCE ROW LEVEL SECURITY;
CREATE POLICY route_leg_insert ON route_leg FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY route_leg_read ON route_leg FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM seizure p
  WHERE (p.id = route_leg.seizure_id))));
GRANT INSERT, SELECT, UPDATE ON route_leg TO registry_app;

-- Table seizure
CREATE TABLE seizure (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  agency_id uuid NOT NULL,
  reference text NOT NULL,
  reference_key text NOT NULL,
  jurisdiction character(2) NOT NULL,
  seized_at timestamp with time zone NOT NULL,
  location_description text,
  latitude double precision,
  longitude double precision,
  handling handling_code NOT NULL,
  shared_with uuid[] DEFAULT '{}'::uuid[] NOT NULL,
  notes text,
  recorded_by text NOT NULL,
  recorded_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  updated_at timestamp with time zone DEFAULT now() NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  client_key text,
  item_count integer DEFAULT 0 NOT NULL,
  item_quantity integer DEFAULT 0 NOT NULL
);
ALTER TABLE seizure ADD CONSTRAINT "PK_30562f6c6accb302c6d468b1aad" PRIMARY KEY (id);
ALTER TABLE seizure ADD CONSTRAINT seizure_agency_client_key UNIQUE (agency_id, client_key);
ALTER TABLE seizure ADD CONSTRAINT seizure_agency_reference_key UNIQUE (agency_id, reference_key);
ALTER TABLE seizure ADD CONSTRAINT "FK_2647546e47b25e55db3fe156e06" FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT;
ALTER TABLE seizure ADD CONSTRAINT seizure_latitude_range CHECK (((latitude >= ('-90'::integer)::double precision) AND (latitude <= (90)::double precision)));
ALTER TABLE seizure ADD CONSTRAINT seizure_longitude_range CHECK (((longitude >= ('-180'::integer)::double precision) AND (longitude <= (180)::double precision)));
CREATE INDEX seizure_agency_seized_at_idx ON public.seizure USING btree (agency_id, seized_at, id);
CREATE INDEX seizure_jurisdiction_seized_at_idx ON public.seizure USING btree (jurisdiction, seized_at);
CREATE INDEX seizure_reference_key_idx ON public.seizure USING btree (reference_key);
CREATE INDEX seizure_seized_at_idx ON public.seizure USING btree (seized_at, id);
ALTER TABLE seizure ENABLE ROW LEVEL SECURITY;
ALTER TABLE seizure FORCE ROW LEVEL SECURITY;
CREATE POLICY seizure_insert ON seizure FOR INSERT TO registry_app WITH CHECK (((agency_id = app_agency()) AND (recorded_by = app_subject())));
CREATE POLICY seizure_owner_read ON seizure FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY seizure_read ON seizure FOR SELECT TO registry_app USING (app_can_read(agency_id, handling, shared_with, recorded_by));
CREATE POLICY seizure_update ON seizure FOR UPDATE TO registry_app USING ((agency_id = app_agency())) WITH CHECK ((agency_id = app_agency()));
CREATE TRIGGER seizure_amended_change AFTER UPDATE ON seizure FOR EACH ROW WHEN (old.version IS DISTINCT FROM new.version) EXECUTE FUNCTION change_seizure_amended();
CREATE TRIGGER seizure_recorded_change AFTER INSERT ON seizure REFERENCING NEW TABLE AS new_seizures FOR EACH STATEMENT EXECUTE FUNCTION change_seizures_recorded();
GRANT INSERT, SELECT, UPDATE ON seizure TO registry_app;

-- Table sighting
CREATE TABLE sighting (
  kind_a sighted_kind NOT NULL,
  record_a uuid NOT NULL,
  kind_b sighted_kind NOT NULL,
  record_b uuid NOT NULL,
  basis sighting_basis NOT NULL,
  scheme text NOT NULL,
  value_key text NOT NULL,
  score numeric(4,3) DEFAULT 1 NOT NULL,
  found_at timestamp with time zone DEFAULT now() NOT NULL
);
ALTER TABLE sighting ADD CONSTRAINT sighting_pkey PRIMARY KEY (kind_a, record_a, kind_b, record_b, basis, scheme, value_key);
ALTER TABLE sighting ADD CONSTRAINT sighting_in_order CHECK ((ROW(kind_a, record_a) < ROW(kind_b, record_b)));
ALTER TABLE sighting ADD CONSTRAINT sighting_score CHECK (((score > (0)::numeric) AND (score <= (1)::numeric)));
CREATE INDEX sighting_b_idx ON public.sighting USING btree (kind_b, record_b);
ALTER TABLE sighting ENABLE ROW LEVEL SECURITY;
ALTER TABLE sighting FORCE ROW LEVEL SECURITY;
CREATE POLICY sighting_owner ON sighting FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE TRIGGER sighting_found_change AFTER INSERT ON sighting REFERENCING NEW TABLE AS new_sightings FOR EACH STATEMENT EXECUTE FUNCTION change_sightings_found();

-- Table supplier
CREATE TABLE supplier (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  agency_id uuid NOT NULL,
  name text NOT NULL,
  aliases text[] DEFAULT '{}'::text[] NOT NULL,
  role supplier_role DEFAULT 'UNKNOWN'::supplier_role NOT NULL,
  country character(2),
  search_text text NOT NULL,
  handling handling_code NOT NULL,
  shared_with uuid[] DEFAULT '{}'::uuid[] NOT NULL,
  recorded_by text NOT NULL,
  recorded_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  client_key text
);
ALTER TABLE supplier ADD CONSTRAINT "PK_2bc0d2cab6276144d2ff98a2828" PRIMARY KEY (id);
ALTER TABLE supplier ADD CONSTRAINT supplier_agency_client_key UNIQUE (agency_id, client_key);
ALTER TABLE supplier ADD CONSTRAINT "FK_a174c43c2881c8601cb5326db49" FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT;
CREATE INDEX supplier_country_role_idx ON public.supplier USING btree (country, role);
CREATE INDEX supplier_recorded_at_idx ON public.supplier USING btree (recorded_at, id);
CREATE INDEX supplier_search_trgm_idx ON public.supplier USING gin (search_text gin_trgm_ops);
ALTER TABLE supplier ENABLE ROW LEVEL SECURITY;
ALTER TABLE supplier FORCE ROW LEVEL SECURITY;
CREATE POLICY supplier_insert ON supplier FOR INSERT TO registry_app WITH CHECK (((agency_id = app_agency()) AND (recorded_by = app_subject())));
CREATE POLICY supplier_owner_read ON supplier FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY supplier_read ON supplier FOR SELECT TO registry_app USING (app_can_read(agency_id, handling, shared_with, recorded_by));
CREATE POLICY supplier_update ON supplier FOR UPDATE TO registry_app USING ((agency_id = app_agency())) WITH CHECK ((agency_id = app_agency()));
GRANT INSERT, SELECT, UPDATE ON supplier TO registry_app;

-- Table supplier_identifier
CREATE TABLE supplier_identifier (
  supplier_id uuid NOT NULL,
  "position" integer NOT NULL,
  agency_id uuid NOT NULL,
  scheme text NOT NULL,
  value text NOT NULL,
  value_key text NOT NULL
);
ALTER TABLE supplier_identifier ADD CONSTRAINT "PK_a3d435c8fe44e2d0dbc5b2b8bea" PRIMARY KEY (supplier_id, "position");
ALTER TABLE supplier_identifier ADD CONSTRAINT "FK_f60f1135057b870944ab9c169aa" FOREIGN KEY (supplier_id) REFERENCES supplier(id) ON DELETE CASCADE;
CREATE INDEX supplier_identifier_key_idx ON public.supplier_identifier USING btree (scheme, value_key);
ALTER TABLE supplier_identifier ENABLE ROW LEVEL SECURITY;
ALTER TABLE supplier_identifier FORCE ROW LEVEL SECURITY;
CREATE POLICY supplier_identifier_insert ON supplier_identifier FOR INSERT TO registry_app WITH CHECK ((agency_id = app_agency()));
CREATE POLICY supplier_identifier_owner_read ON supplier_identifier FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY supplier_identifier_read ON supplier_identifier FOR SELECT TO registry_app USING ((EXISTS ( SELECT 1
   FROM supplier p
  WHERE (p.id = supplier_identifier.supplier_id))));
GRANT INSERT, SELECT, UPDATE ON supplier_identifier TO registry_app;

-- Table supplier_merge
CREATE TABLE supplier_merge (
  merged_id uuid NOT NULL,
  survivor_id uuid NOT NULL,
  merged_by text NOT NULL,
  merged_by_agency_id uuid NOT NULL,
  merged_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE supplier_merge ADD CONSTRAINT "PK_d17d317673eea12216e9ca7ea17" PRIMARY KEY (merged_id);
ALTER TABLE supplier_merge ADD CONSTRAINT "FK_16d9e621439a22168bcf95bcbb5" FOREIGN KEY (survivor_id) REFERENCES supplier(id) ON DELETE CASCADE;
ALTER TABLE supplier_merge ADD CONSTRAINT "FK_d17d317673eea12216e9ca7ea17" FOREIGN KEY (merged_id) REFERENCES supplier(id) ON DELETE CASCADE;
ALTER TABLE supplier_merge ADD CONSTRAINT supplier_merge_distinct CHECK ((merged_id <> survivor_id));
CREATE INDEX supplier_merge_survivor_idx ON public.supplier_merge USING btree (survivor_id);
ALTER TABLE supplier_merge ENABLE ROW LEVEL SECURITY;
ALTER TABLE supplier_merge FORCE ROW LEVEL SECURITY;
CREATE POLICY supplier_merge_delete ON supplier_merge FOR DELETE TO registry_app USING (((EXISTS ( SELECT 1
   FROM supplier m
  WHERE (m.id = supplier_merge.merged_id))) AND (EXISTS ( SELECT 1
   FROM supplier s
  WHERE (s.id = supplier_merge.survivor_id)))));
CREATE POLICY supplier_merge_insert ON supplier_merge FOR INSERT TO registry_app WITH CHECK (((EXISTS ( SELECT 1
   FROM supplier m
  WHERE (m.id = supplier_merge.merged_id))) AND (EXISTS ( SELECT 1
   FROM supplier s
  WHERE (s.id = supplier_merge.survivor_id)))));
CREATE POLICY supplier_merge_owner_read ON supplier_merge FOR SELECT TO CURRENT_USER USING (true);
CREATE POLICY supplier_merge_read ON supplier_merge FOR SELECT TO registry_app USING (((EXISTS ( SELECT 1
   FROM supplier m
  WHERE (m.id = supplier_merge.merged_id))) AND (EXISTS ( SELECT 1
   FROM supplier s
  WHERE (s.id = supplier_merge.survivor_id)))));
GRANT DELETE, INSERT, SELECT ON supplier_merge TO registry_app;

-- Table supply_step
CREATE TABLE supply_step (
  from_supplier_id uuid NOT NULL,
  to_supplier_id uuid NOT NULL,
  agency_id uuid,
  handling handling_code NOT NULL,
  shared_with uuid[] NOT NULL,
  recorded_by text NOT NULL
);
ALTER TABLE supply_step ADD CONSTRAINT supply_step_agency_id_fkey FOREIGN KEY (agency_id) REFERENCES agency(id) ON DELETE RESTRICT;
ALTER TABLE supply_step ADD CONSTRAINT supply_step_from_supplier_id_fkey FOREIGN KEY (from_supplier_id) REFERENCES supplier(id) ON DELETE CASCADE;
ALTER TABLE supply_step ADD CONSTRAINT supply_step_to_supplier_id_fkey FOREIGN KEY (to_supplier_id) REFERENCES supplier(id) ON DELETE CASCADE;
CREATE INDEX supply_step_from_idx ON public.supply_step USING btree (from_supplier_id);
CREATE UNIQUE INDEX supply_step_key ON public.supply_step USING btree (to_supplier_id, from_supplier_id, agency_id, handling, recorded_by, shared_with) NULLS NOT DISTINCT;
ALTER TABLE supply_step ENABLE ROW LEVEL SECURITY;
ALTER TABLE supply_step FORCE ROW LEVEL SECURITY;
CREATE POLICY supply_step_owner ON supply_step FOR ALL TO CURRENT_USER USING (true) WITH CHECK (true);
CREATE POLICY supply_step_read ON supply_step FOR SELECT TO registry_app USING (app_can_read(agency_id, handling, shared_with, recorded_by));
GRANT SELECT ON supply_step TO registry_app;

-- Views
CREATE VIEW sighting_key AS
 SELECT 'SUPPLIER'::sighted_kind AS record_kind,
    si.supplier_id AS record_id,
    si.agency_id,
    si.scheme,
    si.value_key
   FROM supplier_identifier si
UNION ALL
 SELECT 'PAYMENT'::sighted_kind AS record_kind,
    p.id AS record_id,
    p.agency_id,
    'HAWALA_CODE'::text AS scheme,
    p.reference_key AS value_key
   FROM payment p
UNION ALL
 SELECT 'ADVERT'::sighted_kind AS record_kind,
    ai.advert_id AS record_id,
    ai.agency_id,
    ai.scheme,
    ai.value_key
   FROM advert_identifier ai
UNION ALL
 SELECT 'ADVERT'::sighted_kind AS record_kind,
    a.id AS record_id,
    a.agency_id,
    'URL'::text AS scheme,
    a.url_key AS value_key
   FROM advert a
UNION ALL
 SELECT 'ADVERT'::sighted_kind AS record_kind,
    a.id AS record_id,
    a.agency_id,
    'CONTENT_SHA256'::text AS scheme,
    a.content_hash AS value_key
   FROM advert a;

-- Function advert_common_shingles_refresh()
CREATE OR REPLACE FUNCTION public.advert_common_shingles_refresh()
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
             AND e.frequency * (SELECT reltuples FROM pg_class WHERE oid = 'advert_text'::regclass) >= 50;
          INSERT INTO advert_common_shingle_source (analysed_at) VALUES (analysed)
            ON CONFLICT (only_row) DO UPDATE SET analysed_at = excluded.analysed_at;
        END
      $function$;

-- Function advert_document(text,text)
CREATE OR REPLACE FUNCTION public.advert_document(body text, fold text)
 RETURNS tsvector
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT to_tsvector('pg_catalog.english', body) || to_tsvector('pg_catalog.french', body) || to_tsvector('pg_catalog.german', body) || to_tsvector('pg_catalog.dutch', body) || to_tsvector('pg_catalog.turkish', body) || to_tsvector('pg_catalog.simple', body) || to_tsvector('pg_catalog.simple', coalesce(fold, '')) $function$;
GRANT EXECUTE ON FUNCTION advert_document(text,text) TO PUBLIC;

-- Function advert_shingles(text)
CREATE OR REPLACE FUNCTION public.advert_shingles(fold text)
 RETURNS bigint[]
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
        SELECT coalesce(array_agg(DISTINCT hashtextextended(w[i] || ' ' || w[i + 1] || ' ' || w[i + 2], 0)), '{}')
          FROM (SELECT string_to_array(fold, ' ') AS w) words, generate_series(1, cardinality(w) - 2) AS i
      $function$;
GRANT EXECUTE ON FUNCTION advert_shingles(text) TO PUBLIC;

-- Function advert_text_search(text[],text[])
CREATE OR REPLACE FUNCTION public.advert_text_search(words text[], folds text[])
 RETURNS TABLE(advert_id uuid, score numeric)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
        WITH query AS (SELECT advert_all_words(advert_word_query(w.word, w.fold)) AS q FROM unnest(words, folds) AS w(word, fold))
        SELECT t.advert_id, round(ts_rank_cd(t.document, query.q)::numeric, 6)
          FROM query JOIN advert_text t ON t.document @@ query.q
          JOIN advert a ON a.id = t.advert_id
         WHERE app_can_read(a.agency_id, a.handling, a.shared_with, a.recorded_by)
      $function$;
GRANT EXECUTE ON FUNCTION advert_text_search(text[],text[]) TO registry_app;

-- Function advert_word_query(text,text)
CREATE OR REPLACE FUNCTION public.advert_word_query(word text, fold text)
 RETURNS tsquery
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT plainto_tsquery('pg_catalog.english', word) || plainto_tsquery('pg_catalog.french', word) || plainto_tsquery('pg_catalog.german', word) || plainto_tsquery('pg_catalog.dutch', word) || plainto_tsquery('pg_catalog.turkish', word) || plainto_tsquery('pg_catalog.simple', word) || plainto_tsquery('pg_catalog.simple', fold) $function$;
GRANT EXECUTE ON FUNCTION advert_word_query(text,text) TO PUBLIC;

-- Function app_agency()
CREATE OR REPLACE FUNCTION public.app_agency()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $function$ SELECT nullif(current_setting('app.agency', true), '')::uuid $function$;
GRANT EXECUTE ON FUNCTION app_agency() TO PUBLIC;

-- Function app_can_read(uuid,handling_code,uuid[],text)
CREATE OR REPLACE FUNCTION public.app_can_read(owner uuid, handling handling_code, shared_with uuid[], recorded_by text)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$
        SELECT app_agency() IS NOT NULL AND (
          handling IN ('TLP_CLEAR', 'TLP_GREEN')
          OR (owner = app_agency() AND handling <> 'TLP_RED')
          OR (handling = 'TLP_AMBER' AND app_agency() = ANY (shared_with))
          OR (handling = 'TLP_RED' AND owner = app_agency() AND recorded_by = app_subject()))
      $function$;
GRANT EXECUTE ON FUNCTION app_can_read(uuid,handling_code,uuid[],text) TO PUBLIC;

-- Function app_may_show_hit(handling_code)
CREATE OR REPLACE FUNCTION public.app_may_show_hit(handling handling_code)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$ SELECT handling IN ('TLP_AMBER', 'TLP_AMBER_STRICT') $function$;
GRANT EXECUTE ON FUNCTION app_may_show_hit(handling_code) TO PUBLIC;

-- Function app_subject()
CREATE OR REPLACE FUNCTION public.app_subject()
 RETURNS text
 LANGUAGE sql
 STABLE
AS $function$ SELECT nullif(current_setting('app.subject', true), '') $function$;
GRANT EXECUTE ON FUNCTION app_subject() TO PUBLIC;

-- Function audit_event_refuse_change()
CREATE OR REPLACE FUNCTION public.audit_event_refuse_change()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN RAISE EXCEPTION 'audit events cannot be altered or deleted'; END $function$;
GRANT EXECUTE ON FUNCTION audit_event_refuse_change() TO PUBLIC;

-- Function change_match_decided()
CREATE OR REPLACE FUNCTION public.change_match_decided()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$ BEGIN
        INSERT INTO change_event (kind, item_a, agency_a, item_b, agency_b)
        VALUES ('MATCH_DECIDED', NEW.item_a, (SELECT i.agency_id FROM item i WHERE i.id = NEW.item_a), NEW.item_b, (SELECT i.agency_id FROM item i WHERE i.id = NEW.item_b));
        RETURN NULL;
      END $function$;

-- Function change_matches_found()
CREATE OR REPLACE FUNCTION public.change_matches_found()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$ BEGIN
        INSERT INTO change_event (kind, item_a, agency_a, item_b, agency_b)
        SELECT kind, m.item_a, (SELECT i.agency_id FROM item i WHERE i.id = m.item_a), m.item_b, (SELECT i.agency_id FROM item i WHERE i.id = m.item_b)
          FROM new_matches m
          CROSS JOIN LATERAL (SELECT 'MATCH_FOUND'::change_kind UNION ALL SELECT 'MATCH_DECIDED' WHERE m.decided_at IS NOT NULL) AS found(kind);
        RETURN NULL;
      END $function$;

-- Function change_notify()
CREATE OR REPLACE FUNCTION public.change_notify()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$ BEGIN
        PERFORM pg_notify('registry_change', '');
        RETURN NULL;
      END $function$;

-- Function change_seizure_amended()
CREATE OR REPLACE FUNCTION public.change_seizure_amended()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$ BEGIN
        INSERT INTO change_event (kind, seizure_id) VALUES ('SEIZURE_AMENDED', NEW.id);
        RETURN NULL;
      END $function$;

-- Function change_seizures_recorded()
CREATE OR REPLACE FUNCTION public.change_seizures_recorded()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$ BEGIN
        INSERT INTO change_event (kind, seizure_id) SELECT 'SEIZURE_RECORDED', id FROM new_seizures;
        RETURN NULL;
      END $function$;

-- Function change_sightings_found()
CREATE OR REPLACE FUNCTION public.change_sightings_found()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$ BEGIN
        INSERT INTO change_event (kind, sighted_a, record_a, agency_a, sighted_b, record_b, agency_b)
        SELECT 'SIGHTING_FOUND', s.kind_a, s.record_a, (SELECT agency_id FROM sighted_record(s.kind_a, s.record_a)),
               s.kind_b, s.record_b, (SELECT agency_id FROM sighted_record(s.kind_b, s.record_b))
          FROM new_sightings s;
        RETURN NULL;
      END $function$;

-- Function identifier_fold(text)
CREATE OR REPLACE FUNCTION public.identifier_fold(key text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE STRICT
AS $function$ SELECT translate(key, 'OILSBZ', '011582') $function$;
GRANT EXECUTE ON FUNCTION identifier_fold(text) TO PUBLIC;

-- Function item_match_hits(uuid[])
CREATE OR REPLACE FUNCTION public.item_match_hits(item_ids uuid[])
 RETURNS TABLE(item_id uuid, basis match_basis, score numeric, status match_status, agency_id uuid, handling handling_code)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
        SELECT mine.id, pair.basis, pair.score, pair.status, other_seizure.agency_id, other_seizure.handling
          FROM unnest(item_ids) AS asked(id)
          JOIN item mine ON mine.id = asked.id
          JOIN seizure mine_seizure ON mine_seizure.id = mine.seizure_id
          CROSS JOIN LATERAL (
            SELECT m.item_b AS other_id, m.basis, m.score, m.status FROM item_match m WHERE m.item_a = mine.id
            UNION ALL
            SELECT m.item_a, m.basis, m.score, m.status FROM item_match m WHERE m.item_b = mine.id
          ) AS pair
          JOIN item other ON other.id = pair.other_id
          JOIN seizure other_seizure ON other_seizure.id = other.seizure_id
         WHERE app_can_read(mine_seizure.agency_id, mine_seizure.handling, mine_seizure.shared_with, mine_seizure.recorded_by)
           AND NOT app_can_read(other_seizure.agency_id, other_seizure.handling, other_seizure.shared_with, other_seizure.recorded_by)
           AND app_may_show_hit(other_seizure.handling)
      $function$;
GRANT EXECUTE ON FUNCTION item_match_hits(uuid[]) TO registry_app;

-- Function item_match_judge(identifier_field,text,text,text,text,text,text)
CREATE OR REPLACE FUNCTION public.item_match_judge(field identifier_field, in_key text, in_make text, in_model text, ex_key text, ex_make text, ex_model text, OUT score numeric, OUT reasons text[])
 RETURNS record
 LANGUAGE plpgsql
 IMMUTABLE
 SET search_path TO 'public', 'pg_temp'
AS $function$
      DECLARE
        words text := CASE field WHEN 'HIN' THEN 'hull identification number' WHEN 'SERIAL' THEN 'serial number' ELSE 'batch number' END;
        same_make boolean := in_make IS NOT NULL AND ex_make IS NOT NULL
          AND regexp_replace(lower(btrim(in_make)), '[\s.-]+', ' ', 'g') = regexp_replace(lower(btrim(ex_make)), '[\s.-]+', ' ', 'g');
        same_model boolean := in_model IS NOT NULL AND ex_model IS NOT NULL
          AND regexp_replace(lower(btrim(in_model)), '[\s.-]+', ' ', 'g') = regexp_replace(lower(btrim(ex_model)), '[\s.-]+', ' ', 'g');
        make_differs boolean := in_make IS NOT NULL AND ex_make IS NOT NULL AND NOT same_make;
        runs int := length(in_key || ex_key) - length(replace(in_key || ex_key, '*', ''));
        unreadable int := 0;
        confusions text[] := '{}';
        a text; b text;
      BEGIN
        reasons := '{}';
        IF in_key = ex_key AND in_key !~ '[?*]' THEN
          reasons := reasons || format('same %s after normalisation', words);
          IF same_make THEN reasons := reasons || 'same make'::text; END IF;
          IF make_differs THEN reasons := reasons || format('make differs: %s / %s', ex_make, in_make); END IF;
          score := 1;
          RETURN;
        END IF;
        -- A damaged reading must keep five readable characters to be compared at all.
        IF least(length(regexp_replace(in_key, '[?*]', '', 'g')), length(regexp_replace(ex_key, '[?*]', '', 'g'))) < 5 THEN
          reasons := NULL;
          RETURN;
        END IF;
        IF runs > 0 THEN
          -- A run of unreadable characters: no alignment, only the unreadable characters count.
          unreadable := length(in_key || ex_key) - length(replace(in_key || ex_key, '?', ''));
        ELSIF length(in_key) <> length(ex_key) THEN
          reasons := NULL;
          RETURN;
        ELSE
          FOR i IN 1 .. length(in_key) LOOP
            a := substr(in_key, i, 1);
            b := substr(ex_key, i, 1);
            CONTINUE WHEN a = b;
            IF a = '?' OR b = '?' THEN
              unreadable := unreadable + 1;
            ELSIF identifier_fold(a) = identifier_fold(b) THEN
              confusions := confusions || format('%s read as %s at position %s', b, a, i);
            ELSE
              reasons := NULL;
              RETURN;
            END IF;
          END LOOP;
        END IF;

        score := 0.92 - 0.06 * greatest(0, cardinality(confusions) - 1);
        reasons := confusions;
        IF in_key = ex_key THEN reasons := reasons || format('the same damaged reading of the %s', words); END IF;
        IF unreadable > 0 THEN
          reasons := reasons || format('%s unreadable character%s on a damaged mark', unreadable, CASE WHEN unreadable > 1 THEN 's' ELSE '' END);
          score := score - 0.08 * unreadable;
        END IF;
        IF runs > 0 THEN
          reasons := reasons || 'a run of unreadable characters on a damaged mark'::text;
          score := score - 0.2;
        END IF;
        IF same_make THEN reasons := reasons || 'same make'::text; score := score + 0.04; END IF;
        IF same_model THEN reasons := reasons || 'same model'::text; score := score + 0.02; END IF;
        IF make_differs THEN
          reasons := reasons || format('make differs: %s / %s', ex_make, in_make);
          score := score - 0.25;
        END IF;
        score := round(least(0.99, score), 3);
        IF score <= 0.3 THEN
          score := NULL;
          reasons := NULL;
        END IF;
      END
      $function$;
GRANT EXECUTE ON FUNCTION item_match_judge(identifier_field,text,text,text,text,text,text) TO PUBLIC;

-- Function item_match_link(uuid[])
CREATE OR REPLACE FUNCTION public.item_match_link(new_items uuid[])
 RETURNS integer
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
 SET "pg_trgm.similarity_threshold" TO '0.3'
AS $function$
        -- Writers of the same identifier wait for each other here (locks in one sorted order).
        -- The function is VOLATILE, so the query below takes a fresh snapshot after the wait and
        -- sees the identifiers a concurrent writer committed meanwhile.
        SELECT pg_advisory_xact_lock(hashtextextended(lock_key, 0))
          FROM (SELECT DISTINCT k.kind || ':' || k.field || ':' || k.folded AS lock_key
                  FROM identifier_key k
                 WHERE k.item_id = ANY(new_items) AND k.agency_id = app_agency()
                 ORDER BY 1) AS keys;
        WITH p AS (
          SELECT k.item_id, k.seizure_id, k.kind, k.field, k.key, k.folded, k.has_wildcards AS wild, i.make, i.model
            FROM identifier_key k JOIN item i ON i.id = k.item_id
           WHERE k.item_id = ANY(new_items) AND k.agency_id = app_agency()
        ), found AS (
          SELECT p.item_id AS probe_item, p.field, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND k.folded = p.folded
          UNION
          SELECT p.item_id, p.field, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND p.wild
             AND k.folded LIKE replace(replace(p.folded, '?', '_'), '*', '%')
          UNION
          SELECT p.item_id, p.field, k.item_id FROM p JOIN identifier_key k
              ON k.kind = p.kind AND k.field = p.field AND k.has_wildcards
             AND k.folded % p.folded AND p.folded LIKE replace(replace(k.folded, '?', '_'), '*', '%')
        ), judged AS (
          SELECT least(p.item_id, k.item_id) AS item_a, greatest(p.item_id, k.item_id) AS item_b,
                 CAST('SAME_' || p.field AS match_basis) AS basis,
                 j.score, j.reasons
            FROM found
            JOIN p ON p.item_id = found.probe_item AND p.field = found.field
            JOIN identifier_key k ON k.item_id = found.item_id AND k.field = found.field
            JOIN item i ON i.id = k.item_id
            CROSS JOIN LATERAL item_match_judge(p.field, p.key, p.make, p.model, k.key, i.make, i.model) AS j
           WHERE k.seizure_id <> p.seizure_id AND j.score IS NOT NULL
        ), stored AS (
          -- A pair already known keeps its decision: a rejected suggestion stays rejected.
          INSERT INTO item_match (item_a, item_b, basis, score, reasons, status)
          SELECT DISTINCT ON (item_a, item_b) item_a, item_b, basis, score, reasons, 'SUGGESTED'
            FROM judged ORDER BY item_a, item_b, score DESC
          ON CONFLICT DO NOTHING
          RETURNING 1
        )
        SELECT CAST(count(*) AS integer) FROM stored
      $function$;
GRANT EXECUTE ON FUNCTION item_match_link(uuid[]) TO registry_app;

-- Function money_trail_hidden_parties(uuid[],integer[],integer[],integer)
CREATE OR REPLACE FUNCTION public.money_trail_hidden_parties(payment_ids uuid[], from_positions integer[], hops integer[], step integer)
 RETURNS TABLE(agency_id uuid, handling handling_code)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
      $function$;
GRANT EXECUTE ON FUNCTION money_trail_hidden_parties(uuid[],integer[],integer[],integer) TO registry_app;

-- Function money_trail_hidden_payments(uuid[],text)
CREATE OR REPLACE FUNCTION public.money_trail_hidden_payments(supplier_ids uuid[], direction text)
 RETURNS TABLE(agency_id uuid, handling handling_code)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
        SELECT DISTINCT hidden.agency_id, hidden.handling
          FROM supplier known
          JOIN payment_party own ON own.supplier_id = known.id
           AND ((direction = 'FOLLOW_MONEY' AND own.position = 0) OR (direction = 'TOWARDS_PAYERS' AND own.position > 0))
          JOIN payment hidden ON hidden.id = own.payment_id
         WHERE known.id = ANY(supplier_ids)
           AND app_can_read(known.agency_id, known.handling, known.shared_with, known.recorded_by)
           AND NOT app_can_read(hidden.agency_id, hidden.handling, hidden.shared_with, hidden.recorded_by)
           AND app_may_show_hit(hidden.handling)
      $function$;
GRANT EXECUTE ON FUNCTION money_trail_hidden_payments(uuid[],text) TO registry_app;

-- Function seizure_client_key_taken(text)
CREATE OR REPLACE FUNCTION public.seizure_client_key_taken(key text)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
        SELECT EXISTS (SELECT 1 FROM seizure WHERE agency_id = app_agency() AND client_key = key)
      $function$;
GRANT EXECUTE ON FUNCTION seizure_client_key_taken(text) TO registry_app;

-- Function seizure_count_items()
CREATE OR REPLACE FUNCTION public.seizure_count_items()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        UPDATE seizure s SET item_count = s.item_count + added.lines, item_quantity = s.item_quantity + added.quantity
          FROM (SELECT seizure_id, count(*) AS lines, sum(quantity) AS quantity FROM new_items GROUP BY seizure_id) added
         WHERE s.id = added.seizure_id;
        RETURN NULL;
      END $function$;
GRANT EXECUTE ON FUNCTION seizure_count_items() TO PUBLIC;

-- Function sighted_record(sighted_kind,uuid)
CREATE OR REPLACE FUNCTION public.sighted_record(kind sighted_kind, id uuid)
 RETURNS TABLE(agency_id uuid, handling handling_code, readable boolean)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
        SELECT s.agency_id, s.handling, app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by)
          FROM supplier s WHERE kind = 'SUPPLIER' AND s.id = sighted_record.id
        UNION ALL
        SELECT p.agency_id, p.handling, app_can_read(p.agency_id, p.handling, p.shared_with, p.recorded_by)
          FROM payment p WHERE kind = 'PAYMENT' AND p.id = sighted_record.id
        UNION ALL
        SELECT a.agency_id, a.handling, app_can_read(a.agency_id, a.handling, a.shared_with, a.recorded_by)
          FROM advert a WHERE sighted_record.kind = 'ADVERT' AND a.id = sighted_record.id
      $function$;

-- Function sighting_link(sighted_kind,uuid[])
CREATE OR REPLACE FUNCTION public.sighting_link(kind sighted_kind, ids uuid[])
 RETURNS integer
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
                 CAST(CASE scheme WHEN 'URL' THEN 'SAME_URL' WHEN 'CONTENT_SHA256' THEN 'SAME_CONTENT' ELSE 'SAME_IDENTIFIER' END AS sighting_basis), scheme, value_key
            FROM found
          ON CONFLICT DO NOTHING
          RETURNING 1
        )
        SELECT count(*)::int FROM stored
      $function$;
GRANT EXECUTE ON FUNCTION sighting_link(sighted_kind,uuid[]) TO registry_app;

-- Function sighting_link_text(uuid[])
CREATE OR REPLACE FUNCTION public.sighting_link_text(ids uuid[])
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
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
              FROM found WHERE score >= 0.45 AND trigram_overlap(score, mine_count, other_count) >= 0.95
            ON CONFLICT DO NOTHING
            RETURNING 1
          )
          SELECT count(*)::int INTO stored FROM inserted;
          RETURN stored;
        END
      $function$;
GRANT EXECUTE ON FUNCTION sighting_link_text(uuid[]) TO registry_app;

-- Function sightings_by_key(text,text)
CREATE OR REPLACE FUNCTION public.sightings_by_key(key_scheme text, key_value text)
 RETURNS TABLE(other_kind sighted_kind, other_id uuid, agency_id uuid, handling handling_code)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
        SELECT k.record_kind, CASE WHEN other.readable THEN k.record_id END, other.agency_id, other.handling
          FROM sighting_key k
          CROSS JOIN LATERAL sighted_record(k.record_kind, k.record_id) AS other
         WHERE k.scheme = key_scheme AND k.value_key = key_value AND (other.readable OR app_may_show_hit(other.handling))
         ORDER BY other.readable DESC, k.record_kind, k.record_id
      $function$;
GRANT EXECUTE ON FUNCTION sightings_by_key(text,text) TO registry_app;

-- Function sightings_of(sighted_kind,uuid[])
CREATE OR REPLACE FUNCTION public.sightings_of(kind sighted_kind, ids uuid[])
 RETURNS TABLE(record_id uuid, other_kind sighted_kind, other_id uuid, basis sighting_basis, scheme text, value_key text, score numeric, agency_id uuid, handling handling_code)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
        SELECT pair.mine, pair.other_kind,
               CASE WHEN other.readable THEN pair.other_id END, pair.basis,
               CASE WHEN other.readable THEN pair.scheme END, CASE WHEN other.readable THEN pair.value_key END,
               pair.score, other.agency_id, other.handling
          FROM unnest(ids) AS asked(id)
          CROSS JOIN LATERAL sighted_record(kind, asked.id) AS mine_record
          CROSS JOIN LATERAL (
            SELECT s.record_a AS mine, s.kind_b AS other_kind, s.record_b AS other_id, s.basis, s.scheme, s.value_key, s.score, s.found_at
              FROM sighting s WHERE s.kind_a = kind AND s.record_a = asked.id
            UNION ALL
            SELECT s.record_b, s.kind_a, s.record_a, s.basis, s.scheme, s.value_key, s.score, s.found_at
              FROM sighting s WHERE s.kind_b = kind AND s.record_b = asked.id
          ) AS pair
          CROSS JOIN LATERAL sighted_record(pair.other_kind, pair.other_id) AS other
         WHERE mine_record.readable AND (other.readable OR app_may_show_hit(other.handling))
         ORDER BY pair.mine, pair.score DESC, pair.found_at, pair.other_id
      $function$;
GRANT EXECUTE ON FUNCTION sightings_of(sighted_kind,uuid[]) TO registry_app;

-- Function supplier_search_lookup(text[],text[],real)
CREATE OR REPLACE FUNCTION public.supplier_search_lookup(tokens text[], patterns text[], threshold real)
 RETURNS SETOF uuid
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER ROWS 50
 SET search_path TO 'public', 'pg_temp'
AS $function$
      BEGIN
        PERFORM set_config('pg_trgm.strict_word_similarity_threshold', threshold::text, true);
        RETURN QUERY
          SELECT s.id FROM unnest(tokens) AS q(token) JOIN supplier s ON q.token <<% s.search_text
           WHERE app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by)
          UNION
          SELECT s.id FROM unnest(patterns) AS p(pattern) JOIN supplier s ON s.search_text LIKE p.pattern
           WHERE app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by);
      END $function$;
GRANT EXECUTE ON FUNCTION supplier_search_lookup(text[],text[],real) TO registry_app;

-- Function supply_chain_hidden_carriers(uuid[])
CREATE OR REPLACE FUNCTION public.supply_chain_hidden_carriers(item_ids uuid[])
 RETURNS TABLE(agency_id uuid, handling handling_code)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
        SELECT DISTINCT hidden.agency_id, hidden.handling
          FROM item i
          JOIN seizure s ON s.id = i.seizure_id
          JOIN movement_item mi ON mi.item_id = i.id
          JOIN movement m ON m.id = mi.movement_id
          CROSS JOIN LATERAL (
            SELECT m.agency_id, m.handling WHERE NOT app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by)
            UNION ALL
            SELECT party.agency_id, party.handling
              FROM supplier party
             WHERE party.id IN (m.from_supplier_id, m.to_supplier_id)
               AND app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by)
               AND NOT app_can_read(party.agency_id, party.handling, party.shared_with, party.recorded_by)
          ) AS hidden
         WHERE i.id = ANY(item_ids)
           AND app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by)
           AND app_may_show_hit(hidden.handling)
      $function$;
GRANT EXECUTE ON FUNCTION supply_chain_hidden_carriers(uuid[]) TO registry_app;

-- Function supply_chain_hidden_seizures(uuid[])
CREATE OR REPLACE FUNCTION public.supply_chain_hidden_seizures(supplier_ids uuid[])
 RETURNS TABLE(agency_id uuid, handling handling_code)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
        SELECT DISTINCT s.agency_id, s.handling
          FROM supplier sender
          JOIN movement m ON m.from_supplier_id = sender.id
          JOIN movement_item mi ON mi.movement_id = m.id
          JOIN item i ON i.id = mi.item_id
          JOIN seizure s ON s.id = i.seizure_id
         WHERE sender.id = ANY(supplier_ids)
           AND app_can_read(sender.agency_id, sender.handling, sender.shared_with, sender.recorded_by)
           AND app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by)
           AND NOT app_can_read(s.agency_id, s.handling, s.shared_with, s.recorded_by)
           AND app_may_show_hit(s.handling)
      $function$;
GRANT EXECUTE ON FUNCTION supply_chain_hidden_seizures(uuid[]) TO registry_app;

-- Function supply_chain_hidden_steps(uuid[],text)
CREATE OR REPLACE FUNCTION public.supply_chain_hidden_steps(supplier_ids uuid[], direction text)
 RETURNS TABLE(supplier_id uuid, agency_id uuid, handling handling_code)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
        SELECT DISTINCT known.id,
               CASE WHEN NOT app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by) THEN m.agency_id ELSE other.agency_id END,
               CASE WHEN NOT app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by) THEN m.handling ELSE other.handling END
          FROM unnest(supplier_ids) AS asked(id)
          JOIN supplier known ON known.id = asked.id
          JOIN movement m ON (direction = 'in' AND m.to_supplier_id = known.id) OR (direction = 'out' AND m.from_supplier_id = known.id)
          LEFT JOIN supplier other ON other.id = CASE WHEN direction = 'in' THEN m.from_supplier_id ELSE m.to_supplier_id END
         WHERE app_can_read(known.agency_id, known.handling, known.shared_with, known.recorded_by)
           AND CASE
                 WHEN NOT app_can_read(m.agency_id, m.handling, m.shared_with, m.recorded_by) THEN app_may_show_hit(m.handling)
                 WHEN other.id IS NOT NULL AND NOT app_can_read(other.agency_id, other.handling, other.shared_with, other.recorded_by)
                   THEN app_may_show_hit(other.handling)
                 ELSE false
               END
      $function$;
GRANT EXECUTE ON FUNCTION supply_chain_hidden_steps(uuid[],text) TO registry_app;

-- Function supply_step_add()
CREATE OR REPLACE FUNCTION public.supply_step_add()
 RETURNS trigger
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public', 'pg_temp'
AS $function$
      BEGIN
        INSERT INTO public.supply_step (from_supplier_id, to_supplier_id, agency_id, handling, shared_with, recorded_by)
  SELECT DISTINCT from_supplier_id, to_supplier_id, CASE WHEN handling IN ('TLP_CLEAR', 'TLP_GREEN') THEN NULL ELSE agency_id END,
  CASE WHEN handling = 'TLP_CLEAR' THEN 'TLP_GREEN' ELSE handling END,
  CASE WHEN handling = 'TLP_AMBER' THEN shared_with ELSE '{}' END,
  CASE WHEN handling = 'TLP_RED' THEN recorded_by ELSE '' END
    FROM new_movements WHERE from_supplier_id IS NOT NULL AND to_supplier_id IS NOT NULL
  ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $function$;

-- Function supply_steps_fill()
CREATE OR REPLACE FUNCTION public.supply_steps_fill()
 RETURNS void
 LANGUAGE sql
AS $function$ INSERT INTO public.supply_step (from_supplier_id, to_supplier_id, agency_id, handling, shared_with, recorded_by)
  SELECT DISTINCT from_supplier_id, to_supplier_id, CASE WHEN handling IN ('TLP_CLEAR', 'TLP_GREEN') THEN NULL ELSE agency_id END,
  CASE WHEN handling = 'TLP_CLEAR' THEN 'TLP_GREEN' ELSE handling END,
  CASE WHEN handling = 'TLP_AMBER' THEN shared_with ELSE '{}' END,
  CASE WHEN handling = 'TLP_RED' THEN recorded_by ELSE '' END
    FROM public.movement WHERE from_supplier_id IS NOT NULL AND to_supplier_id IS NOT NULL
  ON CONFLICT DO NOTHING $function$;
GRANT EXECUTE ON FUNCTION supply_steps_fill() TO PUBLIC;

-- Function trigram_overlap(real,integer,integer)
CREATE OR REPLACE FUNCTION public.trigram_overlap(score real, count_a integer, count_b integer)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE PARALLEL SAFE
AS $function$
        SELECT CASE WHEN least(count_a, count_b) = 0 THEN 0 ELSE score * (count_a + count_b) / ((1 + score) * least(count_a, count_b)) END
      $function$;
GRANT EXECUTE ON FUNCTION trigram_overlap(real,integer,integer) TO PUBLIC;
