-- The MESH stub (CONTRACT §9): OpenCPIS's stand-in for the national MESH service, used only
-- while OPENCPIS_MESH_URL is unset. Versioned from 100 so that it never collides with the
-- persistence module's migrations. Nothing outside the stub reads these tables.

-- Mailboxes: OpenCPIS's own and each registered organisation's. Ids are stored upper case. The
-- password is kept as given because the NHSMESH token is an HMAC over it; NULL means the mailbox
-- can receive but nobody can sign in to it yet.
CREATE TABLE mesh_stub_mailbox (
    mailbox_id text PRIMARY KEY CHECK (mailbox_id = upper(mailbox_id) AND length(mailbox_id) BETWEEN 1 AND 100),
    password   text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Tokens already used: a (mailbox, nonce, nonce count) triple is accepted once. issued_at is the
-- token's own timestamp; once it is more than two hours old the token fails on its time alone,
-- so the row may be purged.
CREATE TABLE mesh_stub_nonce (
    mailbox_id  text NOT NULL,
    nonce       text NOT NULL,
    nonce_count bigint NOT NULL CHECK (nonce_count >= 0),
    issued_at   timestamptz NOT NULL,
    PRIMARY KEY (mailbox_id, nonce, nonce_count)
);

CREATE INDEX mesh_stub_nonce_issued_idx ON mesh_stub_nonce (issued_at);

-- Inbox order: a message takes the next number when its last chunk arrives.
CREATE SEQUENCE mesh_stub_delivery_seq;

-- Messages with their mex metadata. A DATA message is 'uploading' until all its chunks have
-- arrived, then 'accepted' (in the recipient's inbox) until it is 'acknowledged' or, not
-- acknowledged in time, 'expired'. A REPORT (non-delivery report) is sent by MESH itself
-- (sender NULL) to the inbox of the undelivered message's sender; its recipient column is the
-- undelivered message's recipient, as its Mex-To header says.
CREATE TABLE mesh_stub_message (
    message_id         text PRIMARY KEY,
    message_type       text NOT NULL CHECK (message_type IN ('DATA', 'REPORT')),
    sender             text,
    recipient          text NOT NULL,
    inbox              text NOT NULL,
    workflow_id        text NOT NULL,
    local_id           text,
    subject            text,
    file_name          text,
    content_type       text,
    content_encoding   text,
    content_checksum   text,
    content_encrypted  boolean NOT NULL DEFAULT false,
    content_compressed boolean NOT NULL DEFAULT false,
    total_chunks       integer NOT NULL CHECK (total_chunks >= 0),
    total_bytes        bigint NOT NULL DEFAULT 0 CHECK (total_bytes >= 0),
    status             text NOT NULL CHECK (status IN ('uploading', 'accepted', 'acknowledged', 'expired')),
    status_code        text,
    status_event       text,
    status_description text,
    linked_message_id  text,
    uploaded_at        timestamptz NOT NULL,
    delivered_at       timestamptz,
    delivery_seq       bigint UNIQUE,
    acknowledged_at    timestamptz,
    expired_at         timestamptz,
    status_at          timestamptz NOT NULL,
    CONSTRAINT mesh_stub_message_sender CHECK ((message_type = 'DATA') = (sender IS NOT NULL)),
    CONSTRAINT mesh_stub_message_uploading CHECK (status <> 'uploading' OR delivery_seq IS NULL),
    CONSTRAINT mesh_stub_message_delivered CHECK (status <> 'accepted' OR delivery_seq IS NOT NULL)
);

-- A mailbox's inbox in delivery order.
CREATE INDEX mesh_stub_message_inbox_idx ON mesh_stub_message (inbox, delivery_seq) WHERE status = 'accepted';
-- Tracking by the sender's local id.
CREATE INDEX mesh_stub_message_outbox_idx ON mesh_stub_message (sender, local_id);
-- The expiry sweep: delivered and not yet acknowledged, oldest first; uploads never finished.
CREATE INDEX mesh_stub_message_expiry_idx ON mesh_stub_message (delivered_at) WHERE status = 'accepted';
CREATE INDEX mesh_stub_message_uploading_idx ON mesh_stub_message (uploaded_at) WHERE status = 'uploading';
-- Retention: every message is deleted some time after upload.
CREATE INDEX mesh_stub_message_uploaded_idx ON mesh_stub_message (uploaded_at);

-- The chunks that have arrived. A chunk's bytes are stored as sent (still gzip when the sender
-- sent Content-Encoding: gzip), split into parts of at most 1 MiB so that neither an upload nor a
-- download ever needs a whole chunk in memory. Bytes are deleted once the message is acknowledged
-- or expires; the message row stays for tracking until the retention period ends.
CREATE TABLE mesh_stub_chunk (
    message_id   text NOT NULL REFERENCES mesh_stub_message (message_id) ON DELETE CASCADE,
    chunk_number integer NOT NULL CHECK (chunk_number >= 1),
    size         bigint NOT NULL CHECK (size >= 0),
    part_count   integer NOT NULL CHECK (part_count >= 0),
    PRIMARY KEY (message_id, chunk_number)
);

CREATE TABLE mesh_stub_chunk_part (
    message_id   text NOT NULL,
    chunk_number integer NOT NULL,
    part_number  integer NOT NULL CHECK (part_number >= 1),
    data         bytea NOT NULL,
    PRIMARY KEY (message_id, chunk_number, part_number),
    FOREIGN KEY (message_id, chunk_number) REFERENCES mesh_stub_chunk (message_id, chunk_number) ON DELETE CASCADE
);
