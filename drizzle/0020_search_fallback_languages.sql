-- Which language each search text is really in (WCAG 2.1 SC 3.1.2 Language of Parts): a text
-- missing in the reader's language falls back to the other one (kennisstad_search_text), and the
-- results page marks such a title or snippet with lang. A body joins several texts (title,
-- summary, body...) that may fall back one by one; its language is the one most of its characters
-- are in, as that is what a snippet most likely shows.
CREATE OR REPLACE FUNCTION kennisstad_search_lang(locale text, VARIADIC parts jsonb[]) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN coalesce(sum(length(p ->> other)) FILTER (WHERE nullif(p ->> locale, '') IS NULL), 0)
                 > coalesce(sum(length(nullif(p ->> locale, ''))), 0)
              THEN other ELSE locale END
    FROM unnest(parts) AS p, (SELECT CASE WHEN locale = 'nl' THEN 'en' ELSE 'nl' END AS other) AS o
   GROUP BY other
$$;
--> statement-breakpoint
-- The same view as in 0018 with the four languages added at the end (the only change CREATE OR
-- REPLACE VIEW allows).
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
         CASE WHEN public THEN '-infinity'::timestamptz END,
         left(kennisstad_search_text(text, 'nl'), 90), left(kennisstad_search_text(text, 'en'), 90),
         kennisstad_search_text(text, 'nl'), kennisstad_search_text(text, 'en'),
         kennisstad_search_lang('nl', text), kennisstad_search_lang('en', text),
         kennisstad_search_lang('nl', text), kennisstad_search_lang('en', text)
    FROM decisions;
--> statement-breakpoint
ALTER TABLE search_documents
  ADD COLUMN title_lang_nl text NOT NULL DEFAULT 'nl',
  ADD COLUMN title_lang_en text NOT NULL DEFAULT 'en',
  ADD COLUMN body_lang_nl text NOT NULL DEFAULT 'nl',
  ADD COLUMN body_lang_en text NOT NULL DEFAULT 'en';
--> statement-breakpoint
UPDATE search_documents d
   SET title_lang_nl = s.title_lang_nl, title_lang_en = s.title_lang_en, body_lang_nl = s.body_lang_nl, body_lang_en = s.body_lang_en
  FROM search_sources s
 WHERE s.kind = d.kind AND s.source_id = d.source_id;
--> statement-breakpoint
-- Only the trigger writes rows, and it always names the languages: no default that could hide a
-- forgotten one.
ALTER TABLE search_documents
  ALTER COLUMN title_lang_nl DROP DEFAULT,
  ALTER COLUMN title_lang_en DROP DEFAULT,
  ALTER COLUMN body_lang_nl DROP DEFAULT,
  ALTER COLUMN body_lang_en DROP DEFAULT;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION kennisstad_search_sync() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    DELETE FROM search_documents WHERE kind = TG_ARGV[0];
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    DELETE FROM search_documents WHERE kind = TG_ARGV[0] AND source_id = OLD.id;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO search_documents (kind, source_id, programme_id, key, visible_from, title_nl, title_en, body_nl, body_en,
                                  title_lang_nl, title_lang_en, body_lang_nl, body_lang_en)
      SELECT kind, source_id, programme_id, key, visible_from, title_nl, title_en, body_nl, body_en,
             title_lang_nl, title_lang_en, body_lang_nl, body_lang_en
        FROM search_sources WHERE kind = TG_ARGV[0] AND source_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
