-- Inactive NHS Number Notifications: the outbox of telling an LA that PDS superseded a number it
-- holds records under. One notice per (LA, old number, replacement), however often PDS reports it.
-- plan_types and local_ids are parallel arrays naming the LA's records (a local id may be null).
CREATE TABLE inactive_number_notice (
    notice_id     uuid PRIMARY KEY,
    la_ods_code   text NOT NULL CHECK (la_ods_code ~ '^[A-Z0-9]{1,9}$'),
    nhs_number    text NOT NULL CHECK (nhs_number ~ '^[0-9]{10}$'),
    superseded_by text NOT NULL CHECK (superseded_by ~ '^[0-9]{10}$' AND superseded_by <> nhs_number),
    plan_types    text[] NOT NULL CHECK (cardinality(plan_types) > 0),
    local_ids     text[] NOT NULL CHECK (cardinality(local_ids) = cardinality(plan_types)),
    detected_at   timestamptz NOT NULL,
    due_at        timestamptz NOT NULL,
    claimed_until timestamptz,
    attempts      integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    delivered_at  timestamptz,
    CONSTRAINT inactive_number_notice_once UNIQUE (la_ods_code, nhs_number, superseded_by)
);

-- The relays' claims of undelivered notices, earliest due first.
CREATE INDEX inactive_number_notice_due_idx
    ON inactive_number_notice (due_at, notice_id) WHERE delivered_at IS NULL;
