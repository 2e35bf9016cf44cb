ALTER TABLE "events" ADD COLUMN "stale_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "news_items" ADD COLUMN "stale_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "pages" ADD COLUMN "stale_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_versions" ADD COLUMN "stale_translations" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
-- Texts the old per-language edit times showed as outdated stay marked (on the body: which field changed was not recorded).
UPDATE "news_items" SET "stale_translations" = jsonb_build_object('body', 'en') WHERE "language_updated_at" ? 'en' AND "language_updated_at" ? 'nl' AND ("language_updated_at"->>'en')::timestamptz < ("language_updated_at"->>'nl')::timestamptz;
--> statement-breakpoint
UPDATE "news_items" SET "stale_translations" = jsonb_build_object('body', 'nl') WHERE "language_updated_at" ? 'nl' AND "language_updated_at" ? 'en' AND ("language_updated_at"->>'nl')::timestamptz < ("language_updated_at"->>'en')::timestamptz;
--> statement-breakpoint
UPDATE "events" SET "stale_translations" = jsonb_build_object('body', 'en') WHERE "language_updated_at" ? 'en' AND "language_updated_at" ? 'nl' AND ("language_updated_at"->>'en')::timestamptz < ("language_updated_at"->>'nl')::timestamptz;
--> statement-breakpoint
UPDATE "events" SET "stale_translations" = jsonb_build_object('body', 'nl') WHERE "language_updated_at" ? 'nl' AND "language_updated_at" ? 'en' AND ("language_updated_at"->>'nl')::timestamptz < ("language_updated_at"->>'en')::timestamptz;
--> statement-breakpoint
UPDATE "pages" SET "stale_translations" = jsonb_build_object('body', 'en') WHERE "language_updated_at" ? 'en' AND "language_updated_at" ? 'nl' AND ("language_updated_at"->>'en')::timestamptz < ("language_updated_at"->>'nl')::timestamptz;
--> statement-breakpoint
UPDATE "pages" SET "stale_translations" = jsonb_build_object('body', 'nl') WHERE "language_updated_at" ? 'nl' AND "language_updated_at" ? 'en' AND ("language_updated_at"->>'nl')::timestamptz < ("language_updated_at"->>'en')::timestamptz;
