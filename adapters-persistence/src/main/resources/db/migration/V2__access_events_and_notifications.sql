-- Unscheduled accesses to people on the register: who looked, for which organisation, and when.
CREATE TABLE access_event (
    id                       uuid PRIMARY KEY,
    nhs_number               text NOT NULL CHECK (nhs_number ~ '^[0-9]{10}$'),
    accessed_at              timestamptz NOT NULL,
    accessor_subject         text NOT NULL,
    accessor_organisation    text NOT NULL CHECK (accessor_organisation ~ '^[A-Z0-9]{1,9}$'),
    accessor_role            text NOT NULL,
    accessor_role_profile_id text,
    organisation_name        text
);

-- A person's access history, newest first.
CREATE INDEX access_event_history_idx ON access_event (nhs_number, accessed_at DESC, id);

-- Access to Service Notifications: each LA's inbox, and the outbox of their delivery over MESH.
-- accessed_at repeats the access event's time so that the inbox is ordered by an index alone.
-- A notification is due from its access; a relay claims it until claimed_until, and it ends
-- delivered or due again later. Acknowledgement by the LA is independent of delivery.
CREATE TABLE access_notification (
    notification_id uuid PRIMARY KEY,
    la_ods_code     text NOT NULL CHECK (la_ods_code ~ '^[A-Z0-9]{1,9}$'),
    plan_type       text NOT NULL CHECK (plan_type IN ('CPP', 'LAC', 'UCPP')),
    access_event_id uuid NOT NULL REFERENCES access_event (id),
    accessed_at     timestamptz NOT NULL,
    acknowledged_at timestamptz,
    due_at          timestamptz NOT NULL,
    claimed_until   timestamptz,
    attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    delivered_at    timestamptz,
    CONSTRAINT access_notification_one_per_la_and_access UNIQUE (access_event_id, la_ods_code)
);

-- An LA's unacknowledged notifications, oldest access first.
CREATE INDEX access_notification_inbox_idx
    ON access_notification (la_ods_code, accessed_at, notification_id) WHERE acknowledged_at IS NULL;
-- The relays' claims of undelivered notifications, earliest due first.
CREATE INDEX access_notification_due_idx
    ON access_notification (due_at, notification_id) WHERE delivered_at IS NULL;
