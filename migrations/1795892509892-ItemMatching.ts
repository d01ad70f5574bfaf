import { MigrationInterface, QueryRunner } from "typeorm";

export class ItemMatching1795892509892 implements MigrationInterface {
    name = 'ItemMatching1795892509892'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TYPE "public"."identifier_field" AS ENUM('HIN', 'SERIAL', 'BATCH')`);
        await queryRunner.query(`CREATE TABLE "identifier_key" ("item_id" uuid NOT NULL, "field" "public"."identifier_field" NOT NULL, "agency_id" uuid NOT NULL, "seizure_id" uuid NOT NULL, "kind" "public"."item_kind" NOT NULL, "key" text NOT NULL, "folded" text NOT NULL, "has_wildcards" boolean NOT NULL, CONSTRAINT "PK_745b26ca88151930e9534db943d" PRIMARY KEY ("item_id", "field"))`);
        await queryRunner.query(`CREATE INDEX "identifier_key_folded_idx" ON "identifier_key"  ("kind", "field", "folded") `);
        await queryRunner.query(`CREATE TYPE "public"."match_basis" AS ENUM('SAME_HIN', 'SAME_SERIAL', 'SAME_BATCH', 'ANALYST_LINK')`);
        await queryRunner.query(`CREATE TYPE "public"."match_status" AS ENUM('SUGGESTED', 'CONFIRMED', 'REJECTED')`);
        await queryRunner.query(`CREATE TABLE "item_match" ("item_a" uuid NOT NULL, "item_b" uuid NOT NULL, "basis" "public"."match_basis" NOT NULL, "score" numeric(4,3) NOT NULL, "reasons" text array NOT NULL DEFAULT '{}', "status" "public"."match_status" NOT NULL DEFAULT 'SUGGESTED', "note" text, "decided_by" text, "decided_by_agency_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "item_match_ordered_pair" CHECK (item_a < item_b), CONSTRAINT "PK_dc4c2b8cf64a879c48e0ed93758" PRIMARY KEY ("item_a", "item_b"))`);
        await queryRunner.query(`CREATE INDEX "item_match_item_b_idx" ON "item_match"  ("item_b") `);
        await queryRunner.query(`ALTER TABLE "identifier_key" ADD CONSTRAINT "FK_3f0624b7fffb33bb2290ce9161c" FOREIGN KEY ("item_id") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "item_match" ADD CONSTRAINT "FK_38fd809df2ce4220295c90b2f7e" FOREIGN KEY ("item_a") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "item_match" ADD CONSTRAINT "FK_662fdd21d8d7270098d8269a60d" FOREIGN KEY ("item_b") REFERENCES "item"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "item_match" DROP CONSTRAINT "FK_662fdd21d8d7270098d8269a60d"`);
        await queryRunner.query(`ALTER TABLE "item_match" DROP CONSTRAINT "FK_38fd809df2ce4220295c90b2f7e"`);
        await queryRunner.query(`ALTER TABLE "identifier_key" DROP CONSTRAINT "FK_3f0624b7fffb33bb2290ce9161c"`);
        await queryRunner.query(`DROP INDEX "public"."item_match_item_b_idx"`);
        await queryRunner.query(`DROP TABLE "item_match"`);
        await queryRunner.query(`DROP TYPE "public"."match_status"`);
        await queryRunner.query(`DROP TYPE "public"."match_basis"`);
        await queryRunner.query(`DROP INDEX "public"."identifier_key_folded_idx"`);
        await queryRunner.query(`DROP TABLE "identifier_key"`);
        await queryRunner.query(`DROP TYPE "public"."identifier_field"`);
    }

}
