CREATE TABLE "privacy_statements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"controller" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"contact" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"retention" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"processing" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "privacy_statements_programme_id_unique" UNIQUE("programme_id")
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "open_data_licence" text DEFAULT 'cc0' NOT NULL;--> statement-breakpoint
ALTER TABLE "privacy_statements" ADD CONSTRAINT "privacy_statements_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;