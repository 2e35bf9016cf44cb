-- Erasure (GDPR art. 17) versus the append-only audit trail: one narrow exception. Inside a
-- transaction that set `kennisstad.pseudonymise` to 'on' (SET LOCAL, done only by the erasure
-- command), an UPDATE may change actor_label, before and after (where a name or e-mail address
-- can stand) and nothing else: who/what/when of the event stay as written. DELETE and TRUNCATE
-- stay refused always.
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND coalesce(current_setting('kennisstad.pseudonymise', true), '') = 'on'
     AND NEW.id = OLD.id
     AND NEW.programme_id IS NOT DISTINCT FROM OLD.programme_id
     AND NEW.actor_user_id IS NOT DISTINCT FROM OLD.actor_user_id
     AND NEW.action = OLD.action
     AND NEW.object_type = OLD.object_type
     AND NEW.object_id IS NOT DISTINCT FROM OLD.object_id
     AND NEW.result = OLD.result
     AND NEW.origin IS NOT DISTINCT FROM OLD.origin
     AND NEW.at = OLD.at THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
