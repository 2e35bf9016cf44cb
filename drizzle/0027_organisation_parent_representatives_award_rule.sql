-- Issue 17: organisations "part of" (a foreign key on the parent and a version for the edit form),
-- one party per representative, and the fund's award-decision setting.
-- An older database may hold a person appointed for several parties: keep their earliest
-- appointment only (what the rule never allowed is not carried over).
DELETE FROM "agreement_representatives" r USING "agreement_representatives" k
  WHERE r."programme_id" = k."programme_id" AND r."user_id" = k."user_id" AND (k."created_at", k."id") < (r."created_at", r."id");--> statement-breakpoint
-- A parent that no longer exists would fail the new foreign key: such a unit is part of nothing.
UPDATE "organisations" SET "parent_id" = NULL WHERE "parent_id" IS NOT NULL AND "parent_id" NOT IN (SELECT "id" FROM "organisations");--> statement-breakpoint
DROP INDEX "agreement_representatives_party_user";--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "fund_award_decision" text DEFAULT 'executive' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_parent_id_organisations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organisations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisations_parent" ON "organisations" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_representatives_programme_user" ON "agreement_representatives" USING btree ("programme_id","user_id");--> statement-breakpoint
CREATE INDEX "agreement_representatives_party" ON "agreement_representatives" USING btree ("party_id");