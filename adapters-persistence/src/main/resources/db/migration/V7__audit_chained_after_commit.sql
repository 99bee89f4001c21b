-- Audit entries are recorded unchained with the change they record, and chained shortly after by
-- one chainer at a time (ADR 0012): appends no longer wait for each other through the commit.
-- An entry is identified by the order it was recorded in (id); sequence, previous_hash and hash are
-- set once, together, when it is chained, and never again.
ALTER TABLE audit_entry ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY;
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_pkey;
ALTER TABLE audit_entry ADD PRIMARY KEY (id);
ALTER TABLE audit_entry ALTER COLUMN sequence DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN previous_hash DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN hash DROP NOT NULL;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_sequence_key UNIQUE (sequence);
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_chained_whole
    CHECK ((sequence IS NULL) = (previous_hash IS NULL) AND (sequence IS NULL) = (hash IS NULL));

-- What the chainer takes next, in the order recorded.
CREATE INDEX audit_entry_unchained_idx ON audit_entry (id) WHERE sequence IS NULL;

-- Still append-only: the one change allowed is chaining an unchained entry, leaving every recorded
-- field as it was.
CREATE OR REPLACE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.sequence IS NULL AND NEW.sequence IS NOT NULL
       AND (NEW.id, NEW.at, NEW.actor_subject, NEW.actor_organisation, NEW.actor_role, NEW.actor_role_profile_id,
            NEW.action, NEW.nhs_number, NEW.request_id, NEW.outcome)
           IS NOT DISTINCT FROM
           (OLD.id, OLD.at, OLD.actor_subject, OLD.actor_organisation, OLD.actor_role, OLD.actor_role_profile_id,
            OLD.action, OLD.nhs_number, OLD.request_id, OLD.outcome) THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only';
END
$$;
