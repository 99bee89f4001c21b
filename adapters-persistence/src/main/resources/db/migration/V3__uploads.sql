-- Batch uploads from local authorities (CONTRACT §7, ADR 0008).
--
-- One row per submitted file. Processing queue: a RECEIVED (or abandoned PROCESSING) upload is due
-- from due_at; a processor claims it until claimed_until under claim_token. Once PROCESSED the row
-- carries the acknowledgement's file-level fields; results_of names the upload whose per-record
-- results it gives (itself, or the earlier upload whose sequence number this one repeated).
-- Acknowledgement outbox: due from ack_due_at, claimed by a relay until ack_claimed_until,
-- ending delivered.
CREATE TABLE upload (
    id                        uuid PRIMARY KEY,
    la_ods_code               text NOT NULL CHECK (la_ods_code ~ '^[A-Z0-9]{1,9}$'),
    submitted_by_subject      text NOT NULL,
    submitted_by_role         text NOT NULL,
    submitted_by_role_profile text,
    request_id                text,
    given_sequence_number     bigint CHECK (given_sequence_number >= 0),
    received_at               timestamptz NOT NULL,
    size_bytes                bigint CHECK (size_bytes >= 0),
    progress                  text NOT NULL CHECK (progress IN ('RECEIVING', 'RECEIVED', 'PROCESSING', 'PROCESSED')),
    due_at                    timestamptz,
    claimed_until             timestamptz,
    claim_token               uuid,
    attempts                  integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    sequence_number           bigint CHECK (sequence_number >= 0),
    results_of                uuid REFERENCES upload (id),
    file_status               text CHECK (file_status IN ('CPF01', 'CPF02', 'CPF03', 'CPF04', 'CPF05', 'CPF06')),
    received                  integer CHECK (received >= 0),
    loaded                    integer CHECK (loaded >= 0 AND loaded <= received),
    detail                    text,
    processed_at              timestamptz,
    ack_due_at                timestamptz,
    ack_claimed_until         timestamptz,
    ack_attempts              integer NOT NULL DEFAULT 0 CHECK (ack_attempts >= 0),
    ack_delivered_at          timestamptz,
    CONSTRAINT upload_processed_has_answer
        CHECK ((progress = 'PROCESSED') = (file_status IS NOT NULL AND results_of IS NOT NULL AND processed_at IS NOT NULL))
);

-- The processors' claims: waiting uploads, earliest due first.
CREATE INDEX upload_due_idx ON upload (due_at, id) WHERE progress IN ('RECEIVED', 'PROCESSING');
-- Submissions that never completed, for clearing away.
CREATE INDEX upload_receiving_idx ON upload (received_at) WHERE progress = 'RECEIVING';
-- The relays' claims of undelivered acknowledgements, earliest due first.
CREATE INDEX upload_ack_due_idx ON upload (ack_due_at, id) WHERE ack_due_at IS NOT NULL AND ack_delivered_at IS NULL;
CREATE INDEX upload_results_of_idx ON upload (results_of) WHERE results_of IS NOT NULL;

-- A file's bytes in numbered chunks, kept only until the file is answered.
CREATE TABLE upload_content (
    upload_id uuid NOT NULL REFERENCES upload (id) ON DELETE CASCADE,
    chunk     integer NOT NULL CHECK (chunk >= 0),
    bytes     bytea NOT NULL,
    PRIMARY KEY (upload_id, chunk)
);

-- The sequence numbers each LA has applied (or is applying): the key makes two uploads with the
-- same number unable to both apply it, however concurrently they are processed.
CREATE TABLE upload_sequence (
    la_ods_code     text NOT NULL CHECK (la_ods_code ~ '^[A-Z0-9]{1,9}$'),
    sequence_number bigint NOT NULL CHECK (sequence_number >= 0),
    upload_id       uuid NOT NULL REFERENCES upload (id),
    PRIMARY KEY (la_ods_code, sequence_number)
);

-- One acknowledgement entry per record of a processed file, by its position in the file.
CREATE TABLE upload_record_result (
    upload_id    uuid NOT NULL REFERENCES upload (id) ON DELETE CASCADE,
    record_index integer NOT NULL CHECK (record_index >= 0),
    nhs_number   text,
    plan_type    text,
    status       text NOT NULL CHECK (status IN ('CPR01', 'CPR02', 'CPR03', 'CPR04', 'CPR05', 'CPR06', 'CPR07')),
    detail       text,
    PRIMARY KEY (upload_id, record_index)
);
