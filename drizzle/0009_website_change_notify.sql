-- Every change to a table that public pages show announces itself on the channel the page
-- caches listen to, so all app instances on this database drop cached pages when it commits.
CREATE OR REPLACE FUNCTION kennisstad_notify_page_change() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('kennisstad_pages', TG_TABLE_NAME);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['programmes', 'organisations', 'people', 'themes', 'projects', 'project_partners', 'actions', 'targets',
    'agreements', 'agreement_parties', 'agreement_sections', 'bodies', 'criteria', 'admission_decisions', 'cross_overs',
    'partner_consultations', 'news_items', 'events', 'pages']
  LOOP
    IF to_regclass(t) IS NOT NULL THEN
      EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_page_change', t);
      EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION kennisstad_notify_page_change()', t || '_page_change', t);
    END IF;
  END LOOP;
END;
$$;
