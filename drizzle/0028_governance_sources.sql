ALTER TABLE "projects" ADD COLUMN "staffing_arrangements" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "projects" ADD COLUMN "financing_arrangements" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "admission_decisions" ADD COLUMN "source" text DEFAULT 'decision' NOT NULL;--> statement-breakpoint
ALTER TABLE "admission_decisions" ADD COLUMN "decision_id" uuid;--> statement-breakpoint
ALTER TABLE "partner_consultations" ADD COLUMN "level" text DEFAULT 'support' NOT NULL;--> statement-breakpoint
ALTER TABLE "annual_agendas" ADD COLUMN "adopted_by" text;--> statement-breakpoint
ALTER TABLE "admission_decisions" ADD CONSTRAINT "admission_decisions_decision_id_decisions_id_fk" FOREIGN KEY ("decision_id") REFERENCES "public"."decisions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
UPDATE "annual_agendas" SET "adopted_by" = 'decision' WHERE "adopted_by_decision_id" IS NOT NULL;
