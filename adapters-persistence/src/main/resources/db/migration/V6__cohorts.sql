-- Cohorts of 0-19 services (ADR 0010). A cohort lists criteria; each record lists where it places
-- its child (the same kinds of criteria); a child is a member while one of their visible records
-- shares a criterion with the cohort. Both sides are indexed by (kind, value), so a change to one
-- record finds the cohorts it touches without scanning them, and reading a cohort is an index scan.
CREATE TABLE cohort (
    id                 text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
    owner_ods_code     text NOT NULL CHECK (owner_ods_code ~ '^[A-Z0-9]{1,9}$'),
    name               text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    defined_at         timestamptz NOT NULL,
    -- the push outbox: changes after pushed_cursor are still to be sent to the owner
    pushed_cursor      bigint NOT NULL DEFAULT 0,
    push_due_at        timestamptz NOT NULL,
    push_claimed_until timestamptz,
    push_attempts      integer NOT NULL DEFAULT 0 CHECK (push_attempts >= 0)
);

CREATE TABLE cohort_criterion (
    cohort_id text NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    kind      text NOT NULL CHECK (kind IN ('SCHOOL_URN', 'GP_PRACTICE', 'POSTCODE_DISTRICT', 'LOCAL_AUTHORITY')),
    value     text NOT NULL,
    PRIMARY KEY (cohort_id, kind, value)
);
CREATE INDEX cohort_criterion_lookup_idx ON cohort_criterion (kind, value, cohort_id);

-- Where each record places its child; gone with the record when it is purged.
CREATE TABLE record_placement (
    record_id uuid NOT NULL REFERENCES protection_record (id) ON DELETE CASCADE,
    kind      text NOT NULL CHECK (kind IN ('SCHOOL_URN', 'GP_PRACTICE', 'POSTCODE_DISTRICT', 'LOCAL_AUTHORITY')),
    value     text NOT NULL,
    PRIMARY KEY (record_id, kind, value)
);
CREATE INDEX record_placement_lookup_idx ON record_placement (kind, value, record_id);

-- Who is a member now.
CREATE TABLE cohort_member (
    cohort_id  text NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    nhs_number text NOT NULL CHECK (nhs_number ~ '^[0-9]{10}$'),
    since      timestamptz NOT NULL,
    PRIMARY KEY (cohort_id, nhs_number)
);
CREATE INDEX cohort_member_person_idx ON cohort_member (nhs_number);

-- Joiners and leavers, numbered: the cursor of the changes feed and of pushes.
CREATE TABLE cohort_change (
    cursor     bigserial PRIMARY KEY,
    cohort_id  text NOT NULL REFERENCES cohort (id) ON DELETE CASCADE,
    nhs_number text NOT NULL CHECK (nhs_number ~ '^[0-9]{10}$'),
    joined     boolean NOT NULL,
    changed_at timestamptz NOT NULL
);
CREATE INDEX cohort_change_feed_idx ON cohort_change (cohort_id, cursor);
