-- The guard that keeps the audit trail append-only (V1, V7), same rule: an entry is never deleted,
-- and the one update it accepts is its chaining (sequence, previous_hash and hash set where they
-- were NULL, nothing else changed). The rule was a PL/pgSQL function called for every row updated:
-- up to 40% of the chainer's update (bench/run-upload.sh). The accepted update is now told apart by
-- the trigger's WHEN condition, which PostgreSQL evaluates itself; the function is called only to
-- refuse.
CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END
$$;

DROP TRIGGER audit_entry_append_only ON audit_entry;

CREATE TRIGGER audit_entry_append_only
    BEFORE DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

CREATE TRIGGER audit_entry_changed_only_by_chaining
    BEFORE UPDATE ON audit_entry
    FOR EACH ROW
    WHEN (NOT (OLD.sequence IS NULL AND NEW.sequence IS NOT NULL
               AND (NEW.id, NEW.at, NEW.actor_subject, NEW.actor_organisation, NEW.actor_role, NEW.actor_role_profile_id,
                    NEW.action, NEW.nhs_number, NEW.request_id, NEW.outcome)
                   IS NOT DISTINCT FROM
                   (OLD.id, OLD.at, OLD.actor_subject, OLD.actor_organisation, OLD.actor_role, OLD.actor_role_profile_id,
                    OLD.action, OLD.nhs_number, OLD.request_id, OLD.outcome)))
    EXECUTE FUNCTION audit_entry_is_append_only();
