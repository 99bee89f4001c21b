-- The register of organisations.
CREATE TABLE organisation (
    ods_code              text PRIMARY KEY CHECK (ods_code ~ '^[A-Z0-9]{1,9}$'),
    name                  text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    type                  text NOT NULL CHECK (type IN ('LOCAL_AUTHORITY', 'NHS_ORGANISATION', 'ZERO_TO_NINETEEN_SERVICE')),
    emergency_duty_phone  text,
    office_hours_phone    text,
    mesh_mailbox_id       text,
    mesh_mailbox_password text,
    CONSTRAINT organisation_la_has_emergency_phone
        CHECK (type <> 'LOCAL_AUTHORITY' OR emergency_duty_phone IS NOT NULL)
);

CREATE INDEX organisation_mesh_mailbox_idx ON organisation (mesh_mailbox_id) WHERE mesh_mailbox_id IS NOT NULL;

-- The live store of protection records. delete_date is the domain's ProtectionRecord.deleteDate(),
-- kept so that purging is an indexed query.
CREATE TABLE protection_record (
    id                   uuid PRIMARY KEY,
    la_ods_code          text NOT NULL CHECK (la_ods_code ~ '^[A-Z0-9]{1,9}$'),
    nhs_number           text NOT NULL CHECK (nhs_number ~ '^[0-9]{10}$'),
    plan_type            text NOT NULL CHECK (plan_type IN ('CPP', 'LAC', 'UCPP')),
    start_date           date NOT NULL,
    end_date             date,
    explicit_delete_date date,
    family_name          text NOT NULL,
    given_names          text[] NOT NULL CHECK (cardinality(given_names) >= 1),
    date_of_birth        date NOT NULL,
    local_id             text,
    lac_legal_status     text CHECK (lac_legal_status IN ('S31', 'S38', 'S20')),
    school_urn           text CHECK (school_urn ~ '^[0-9]{6}$'),
    gp_practice_ods_code text CHECK (gp_practice_ods_code ~ '^[A-Z0-9]{1,9}$'),
    postcode             text,
    withdrawn_on         date,
    delete_date          date,
    CONSTRAINT protection_record_end_not_before_start CHECK (end_date IS NULL OR end_date >= start_date),
    CONSTRAINT protection_record_legal_status_iff_lac CHECK ((plan_type = 'LAC') = (lac_legal_status IS NOT NULL))
);

-- One current record per key; also serves an LA's list, ordered by NHS number then plan type.
CREATE UNIQUE INDEX protection_record_current_key_uq
    ON protection_record (la_ods_code, nhs_number, plan_type) WHERE withdrawn_on IS NULL;
-- Clinicians' queries by NHS number across every LA.
CREATE INDEX protection_record_current_nhs_number_idx
    ON protection_record (nhs_number) WHERE withdrawn_on IS NULL;
CREATE INDEX protection_record_delete_date_idx
    ON protection_record (delete_date) WHERE delete_date IS NOT NULL;

-- The append-only, hash-chained audit trail.
CREATE TABLE audit_entry (
    sequence               bigint PRIMARY KEY CHECK (sequence >= 1),
    at                     timestamptz NOT NULL,
    actor_subject          text NOT NULL,
    actor_organisation     text NOT NULL,
    actor_role             text NOT NULL,
    actor_role_profile_id  text,
    action                 text NOT NULL,
    nhs_number             text CHECK (nhs_number ~ '^[0-9]{10}$'),
    request_id             text,
    outcome                text NOT NULL,
    previous_hash          text NOT NULL CHECK (previous_hash ~ '^[0-9a-f]{64}$'),
    hash                   text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$')
);

CREATE INDEX audit_entry_nhs_number_idx ON audit_entry (nhs_number, sequence) WHERE nhs_number IS NOT NULL;
CREATE INDEX audit_entry_at_idx ON audit_entry (at);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit trail is append-only';
END
$$;

CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();

-- The head of the chain: one row, locked by each append, so appends are serialised and sequence
-- numbers have no gaps among committed entries.
CREATE TABLE audit_head (
    id            smallint PRIMARY KEY CHECK (id = 1),
    last_sequence bigint NOT NULL CHECK (last_sequence >= 0),
    last_hash     text NOT NULL CHECK (last_hash ~ '^[0-9a-f]{64}$')
);

INSERT INTO audit_head (id, last_sequence, last_hash) VALUES (1, 0, repeat('0', 64));
