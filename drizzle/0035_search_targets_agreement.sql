-- Search covers the targets and the agreement's consolidated text too (both public): the same
-- view as in 0026 with two more sources, their triggers (as in 0018), and their rows indexed now.
-- An agreement section's key is its anchor on the agreement page; a target's key its page.
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
    FROM decisions
  UNION ALL
  SELECT 'target', id, programme_id, key, '-infinity'::timestamptz,
         kennisstad_search_text(title, 'nl'), kennisstad_search_text(title, 'en'),
         kennisstad_search_text(title, 'nl') || ' ' || kennisstad_search_text(unit, 'nl') || ' ' || kennisstad_search_text(deadline_label, 'nl') || ' ' || kennisstad_search_text(source, 'nl'),
         kennisstad_search_text(title, 'en') || ' ' || kennisstad_search_text(unit, 'en') || ' ' || kennisstad_search_text(deadline_label, 'en') || ' ' || kennisstad_search_text(source, 'en'),
         kennisstad_search_lang('nl', title), kennisstad_search_lang('en', title),
         kennisstad_search_lang('nl', title, unit, deadline_label, source), kennisstad_search_lang('en', title, unit, deadline_label, source)
    FROM targets
  UNION ALL
  SELECT 'agreement', id, programme_id, key, '-infinity'::timestamptz,
         kennisstad_search_text(heading, 'nl'), kennisstad_search_text(heading, 'en'),
         kennisstad_search_text(heading, 'nl') || ' ' || kennisstad_search_text(body, 'nl'),
         kennisstad_search_text(heading, 'en') || ' ' || kennisstad_search_text(body, 'en'),
         kennisstad_search_lang('nl', heading), kennisstad_search_lang('en', heading),
         kennisstad_search_lang('nl', heading, body), kennisstad_search_lang('en', heading, body)
    FROM agreement_sections;
--> statement-breakpoint
DO $$
DECLARE
  source text[];
BEGIN
  FOREACH source SLICE 1 IN ARRAY ARRAY[['targets', 'target'], ['agreement_sections', 'agreement']]
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION kennisstad_search_sync(%L)', source[1] || '_search', source[1], source[2]);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION kennisstad_search_sync(%L)', source[1] || '_search_truncate', source[1], source[2]);
  END LOOP;
END;
$$;
--> statement-breakpoint
INSERT INTO search_documents (kind, source_id, programme_id, key, visible_from, title_nl, title_en, body_nl, body_en,
                              title_lang_nl, title_lang_en, body_lang_nl, body_lang_en)
  SELECT kind, source_id, programme_id, key, visible_from, title_nl, title_en, body_nl, body_en,
         title_lang_nl, title_lang_en, body_lang_nl, body_lang_en
    FROM search_sources WHERE kind IN ('target', 'agreement');
