ALTER TABLE "bodies" ADD COLUMN "appointment" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "example" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "news_items" ADD COLUMN "example" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "pages" ADD COLUMN "example" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "cross_overs" ADD COLUMN "example" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "body_memberships" ADD COLUMN "example" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- Existing Leiden installations: flag the default website items nobody has edited since seeding.
UPDATE "news_items" SET "example" = true WHERE "slug" IN ('convenant-ondertekend', 'plan-kennis-als-leisure') AND "updated_at" = "created_at" AND "programme_id" IN (SELECT "id" FROM "programmes" WHERE "slug" = 'leiden');--> statement-breakpoint
UPDATE "events" SET "example" = true WHERE "slug" IN ('kick-off-summerschools', 'nacht-van-kunst-en-kennis', 'sciencecafe') AND "updated_at" = "created_at" AND "programme_id" IN (SELECT "id" FROM "programmes" WHERE "slug" = 'leiden');--> statement-breakpoint
UPDATE "pages" SET "example" = true WHERE "slug" = 'over' AND "updated_at" = "created_at" AND "programme_id" IN (SELECT "id" FROM "programmes" WHERE "slug" = 'leiden');
