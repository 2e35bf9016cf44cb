-- The website search's index: one row per searchable record (public projects, organisations,
-- news, events, public decisions) with its text in each language, a precomputed tsvector per
-- language (GIN) and a trigram GIN index for typo tolerance. Triggers keep it in step with every
-- write path (pages, API, CLI, seeds, restore), so search never computes vectors per query.
-- The table is derived data: it is not in the drizzle schema, so backups skip it and a restore
-- rebuilds it through the triggers.
CREATE OR REPLACE FUNCTION kennisstad_search_text(j jsonb, locale text) RETURNS text
  LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(nullif(j ->> locale, ''), j ->> (CASE WHEN locale = 'nl' THEN 'en' ELSE 'nl' END), '')
$$;
--> statement-breakpoint
-- What each record contributes; visible_from is NULL for records search must never show and
-- the publication moment for scheduled texts (compared with now() at query time).
CREATE OR REPLACE VIEW search_sources AS
  SELECT 'project'::text AS kind, id AS source_id, programme_id, code AS key,
         CASE WHEN published AND lifecycle NOT IN ('proposed', 'rejected') THEN '-infinity'::timestamptz END AS visible_from,
         code || '. ' || kennisstad_search_text(title, 'nl') AS title_nl,
         code || '. ' || kennisstad_search_text(title, 'en') AS title_en,
         kennisstad_search_text(title, 'nl') || ' ' || kennisstad_search_text(goal, 'nl') || ' ' || kennisstad_search_text(description, 'nl') AS body_nl,
         kennisstad_search_text(title, 'en') || ' ' || kennisstad_search_text(goal, 'en') || ' ' || kennisstad_search_text(description, 'en') AS body_en
    FROM projects
  UNION ALL
  SELECT 'organisation', id, programme_id, slug, '-infinity'::timestamptz,
         kennisstad_search_text(name, 'nl'), kennisstad_search_text(name, 'en'),
         kennisstad_search_text(name, 'nl') || ' ' || coalesce(short_name, '') || ' ' || kennisstad_search_text(description, 'nl'),
         kennisstad_search_text(name, 'en') || ' ' || coalesce(short_name, '') || ' ' || kennisstad_search_text(description, 'en')
    FROM organisations
  UNION ALL
  SELECT 'news', id, programme_id, slug,
         CASE status WHEN 'published' THEN '-infinity'::timestamptz WHEN 'scheduled' THEN publish_at END,
         kennisstad_search_text(title, 'nl'), kennisstad_search_text(title, 'en'),
         kennisstad_search_text(title, 'nl') || ' ' || kennisstad_search_text(summary, 'nl') || ' ' || kennisstad_search_text(body, 'nl'),
         kennisstad_search_text(title, 'en') || ' ' || kennisstad_search_text(summary, 'en') || ' ' || kennisstad_search_text(body, 'en')
    FROM news_items
  UNION ALL
  SELECT 'event', id, programme_id, slug,
         CASE status WHEN 'published' THEN '-infinity'::timestamptz WHEN 'scheduled' THEN publish_at END,
         kennisstad_search_text(title, 'nl'), kennisstad_search_text(title, 'en'),
         kennisstad_search_text(title, 'nl') || ' ' || kennisstad_search_text(summary, 'nl') || ' ' || kennisstad_search_text(body, 'nl') || ' ' || kennisstad_search_text(location, 'nl'),
         kennisstad_search_text(title, 'en') || ' ' || kennisstad_search_text(summary, 'en') || ' ' || kennisstad_search_text(body, 'en') || ' ' || kennisstad_search_text(location, 'en')
    FROM events
  UNION ALL
  SELECT 'decision', id, programme_id, id::text,
         CASE WHEN public THEN '-infinity'::timestamptz END,
         left(kennisstad_search_text(text, 'nl'), 90), left(kennisstad_search_text(text, 'en'), 90),
         kennisstad_search_text(text, 'nl'), kennisstad_search_text(text, 'en')
    FROM decisions;
--> statement-breakpoint
CREATE TABLE search_documents (
  kind text NOT NULL,
  source_id uuid NOT NULL,
  programme_id uuid NOT NULL,
  key text NOT NULL,
  visible_from timestamptz,
  title_nl text NOT NULL,
  title_en text NOT NULL,
  body_nl text NOT NULL,
  body_en text NOT NULL,
  vector_nl tsvector GENERATED ALWAYS AS (to_tsvector('dutch'::regconfig, body_nl)) STORED,
  vector_en tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, body_en)) STORED,
  PRIMARY KEY (kind, source_id)
);
--> statement-breakpoint
CREATE INDEX search_documents_programme ON search_documents (programme_id);
--> statement-breakpoint
CREATE INDEX search_documents_vector_nl ON search_documents USING gin (vector_nl);
--> statement-breakpoint
CREATE INDEX search_documents_vector_en ON search_documents USING gin (vector_en);
--> statement-breakpoint
CREATE INDEX search_documents_trigram_nl ON search_documents USING gin (lower(body_nl) gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX search_documents_trigram_en ON search_documents USING gin (lower(body_en) gin_trgm_ops);
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
    INSERT INTO search_documents (kind, source_id, programme_id, key, visible_from, title_nl, title_en, body_nl, body_en)
      SELECT kind, source_id, programme_id, key, visible_from, title_nl, title_en, body_nl, body_en
        FROM search_sources WHERE kind = TG_ARGV[0] AND source_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DO $$
DECLARE
  source text[];
BEGIN
  FOREACH source SLICE 1 IN ARRAY ARRAY[['projects', 'project'], ['organisations', 'organisation'], ['news_items', 'news'], ['events', 'event'], ['decisions', 'decision']]
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I FOR EACH ROW EXECUTE FUNCTION kennisstad_search_sync(%L)', source[1] || '_search', source[1], source[2]);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION kennisstad_search_sync(%L)', source[1] || '_search_truncate', source[1], source[2]);
  END LOOP;
END;
$$;
--> statement-breakpoint
INSERT INTO search_documents (kind, source_id, programme_id, key, visible_from, title_nl, title_en, body_nl, body_en)
  SELECT kind, source_id, programme_id, key, visible_from, title_nl, title_en, body_nl, body_en FROM search_sources;
--> statement-breakpoint
-- The coordinator's dashboard keeps its panels until the page caches are emptied (see
-- src/features/dashboard/panel-cache.ts): the tables its panels read that public pages do not
-- show announce their changes on the same channel, so every instance drops stale panels.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['funds', 'fund_balances', 'ledger_entries', 'fund_applications', 'progress_reports', 'agreement_amendments', 'agreement_versions', 'agreement_renewals']
  LOOP
    IF to_regclass(t) IS NOT NULL THEN
      EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_page_change', t);
      EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION kennisstad_notify_page_change()', t || '_page_change', t);
    END IF;
  END LOOP;
END;
$$;
