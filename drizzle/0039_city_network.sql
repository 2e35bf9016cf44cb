CREATE TABLE "network_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"followed_programme_id" uuid,
	"url" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_attempt_at" timestamp with time zone,
	"last_reached_at" timestamp with time zone,
	"last_error" text,
	"last_good" jsonb,
	CONSTRAINT "network_sources_one_kind" CHECK (("network_sources"."followed_programme_id" is null) <> ("network_sources"."url" is null))
);
--> statement-breakpoint
ALTER TABLE "news_items" ADD COLUMN "shared_with_network" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "network_sources" ADD CONSTRAINT "network_sources_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_sources" ADD CONSTRAINT "network_sources_followed_programme_id_programmes_id_fk" FOREIGN KEY ("followed_programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_sources" ADD CONSTRAINT "network_sources_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "network_sources_programme_url" ON "network_sources" USING btree ("programme_id","url");--> statement-breakpoint
CREATE UNIQUE INDEX "network_sources_programme_followed" ON "network_sources" USING btree ("programme_id","followed_programme_id");--> statement-breakpoint
CREATE INDEX "network_sources_url" ON "network_sources" USING btree ("url");