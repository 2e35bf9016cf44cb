CREATE TABLE "meeting_minutes_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"text" jsonb NOT NULL,
	"author_user_id" uuid,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "meeting_agenda_items" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "decisions" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "meeting_minutes_notes" ADD CONSTRAINT "meeting_minutes_notes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_minutes_notes" ADD CONSTRAINT "meeting_minutes_notes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_minutes_notes_meeting" ON "meeting_minutes_notes" USING btree ("meeting_id");
--> statement-breakpoint
-- Search lists a public decision only while it is in force: confirmed by a member who attended
-- (four eyes) and not withdrawn, as the decision pages and the feed do. The same view as in 0020,
-- only the decisions' visible_from changes; the decisions' trigger re-reads it on every update
-- (a confirmation, a withdrawal), and the rows already indexed are brought in line here.
CREATE OR REPLACE VIEW search_sources AS
  SELECT 'project'::text AS kind, id AS source_id, programme_id, code AS key,
         CASE WHEN published AND lifecycle NOT IN ('proposed', 'rejected') THEN '-infinity'::timestamptz END AS visible_from,
         code || '. ' || kennisstad_search_text(title, 'nl') AS title_nl,
         code || '. ' || kennisstad_search_text(title, 'en') AS title_en,
         kennisstad_search_text(title, 'nl') || ' ' || kennisstad_search_text(goal, 'nl') || ' ' || kennisstad_search_text(description, 'nl') AS body_nl,
         kennisstad_search_text(title, 'en') || ' ' || kennisstad_search_text(goal, 'en') || ' ' || kennisstad_search_text(description, 'en') AS body_en,
         kennisstad_search_lang('nl', title) AS title_lang_nl,
         kennisstad_search_lang('en', title) AS title_lang_en,
         kennisstad_search_lang('nl', title, goal, description) AS body_lang_nl,
         kennisstad_search_lang('en', title, goal, description) AS body_lang_en
    FROM projects
  UNION ALL
  SELECT 'organisation', id, programme_id, slug, '-infinity'::timestamptz,
         kennisstad_search_text(name, 'nl'), kennisstad_search_text(name, 'en'),
         kennisstad_search_text(name, 'nl') || ' ' || coalesce(short_name, '') || ' ' || kennisstad_search_text(description, 'nl'),
         kennisstad_search_text(name, 'en') || ' ' || coalesce(short_name, '') || ' ' || kennisstad_search_text(description, 'en'),
         kennisstad_search_lang('nl', name), kennisstad_search_lang('en', name),
         kennisstad_search_lang('nl', name, description), kennisstad_search_lang('en', name, description)
    FROM organisations
  UNION ALL
  SELECT 'news', id, programme_id, slug,
         CASE status WHEN 'published' THEN '-infinity'::timestamptz WHEN 'scheduled' THEN publish_at END,
         kennisstad_search_text(title, 'nl'), kennisstad_search_text(title, 'en'),
         kennisstad_search_text(title, 'nl') || ' ' || kennisstad_search_text(summary, 'nl') || ' ' || kennisstad_search_text(body, 'nl'),
         kennisstad_search_text(title, 'en') || ' ' || kennisstad_search_text(summary, 'en') || ' ' || kennisstad_search_text(body, 'en'),
         kennisstad_search_lang('nl', title), kennisstad_search_lang('en', title),
         kennisstad_search_lang('nl', title, summary, body), kennisstad_search_lang('en', title, summary, body)
    FROM news_items
  UNION ALL
  SELECT 'event', id, programme_id, slug,
         CASE status WHEN 'published' THEN '-infinity'::timestamptz WHEN 'scheduled' THEN publish_at END,
         kennisstad_search_text(title, 'nl'), kennisstad_search_text(title, 'en'),
         kennisstad_search_text(title, 'nl') || ' ' || kennisstad_search_text(summary, 'nl') || ' ' || kennisstad_search_text(body, 'nl') || ' ' || kennisstad_search_text(location, 'nl'),
         kennisstad_search_text(title, 'en') || ' ' || kennisstad_search_text(summary, 'en') || ' ' || kennisstad_search_text(body, 'en') || ' ' || kennisstad_search_text(location, 'en'),
         kennisstad_search_lang('nl', title), kennisstad_search_lang('en', title),
         kennisstad_search_lang('nl', title, summary, body, location), kennisstad_search_lang('en', title, summary, body, location)
    FROM events
  UNION ALL
  SELECT 'decision', id, programme_id, id::text,
         CASE WHEN public AND confirmed_at IS NOT NULL AND withdrawn_at IS NULL THEN '-infinity'::timestamptz END,
         left(kennisstad_search_text(text, 'nl'), 90), left(kennisstad_search_text(text, 'en'), 90),
         kennisstad_search_text(text, 'nl'), kennisstad_search_text(text, 'en'),
         kennisstad_search_lang('nl', text), kennisstad_search_lang('en', text),
         kennisstad_search_lang('nl', text), kennisstad_search_lang('en', text)
    FROM decisions;
--> statement-breakpoint
UPDATE search_documents d
   SET visible_from = s.visible_from
  FROM search_sources s
 WHERE d.kind = 'decision' AND s.kind = 'decision' AND s.source_id = d.source_id;
