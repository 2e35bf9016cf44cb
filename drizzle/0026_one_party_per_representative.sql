-- One person represents at most one party: an older database may hold a person appointed for
-- several parties; keep their earliest appointment only (the removal is not audited: it undoes
-- what the rule never allowed).
DELETE FROM "agreement_representatives" r USING "agreement_representatives" k
  WHERE r."programme_id" = k."programme_id" AND r."user_id" = k."user_id" AND (k."created_at", k."id") < (r."created_at", r."id");--> statement-breakpoint
DROP INDEX "agreement_representatives_party_user";--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_representatives_programme_user" ON "agreement_representatives" USING btree ("programme_id","user_id");--> statement-breakpoint
CREATE INDEX "agreement_representatives_party" ON "agreement_representatives" USING btree ("party_id");
