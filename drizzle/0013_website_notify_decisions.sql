-- Public decisions (search, Atom feed) and meetings also drop the page caches of every instance.
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['decisions', 'meetings']
  LOOP
    IF to_regclass(t) IS NOT NULL THEN
      EXECUTE format('DROP TRIGGER IF EXISTS %I ON %I', t || '_page_change', t);
      EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION kennisstad_notify_page_change()', t || '_page_change', t);
    END IF;
  END LOOP;
END;
$$;
