-- An entry is recorded unchained by the request it audits and chained about a second later
-- (ADR 0012). Until then only its primary key and audit_entry_unchained_idx need it: the indexes
-- that serve chained entries (the chain's uniqueness of sequence and hash, the auditor's search by
-- person and by time, which read chained entries only) now hold chained entries only. Recording an
-- entry updates two indexes instead of six; chaining updates the same ones as before.
-- Uniqueness is unchanged: NULLs never collided, and every chained entry is in both unique indexes.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_sequence_key, DROP CONSTRAINT audit_entry_hash_key;
CREATE UNIQUE INDEX audit_entry_sequence_key ON audit_entry (sequence) WHERE sequence IS NOT NULL;
CREATE UNIQUE INDEX audit_entry_hash_key ON audit_entry (hash) WHERE hash IS NOT NULL;

DROP INDEX audit_entry_nhs_number_idx;
CREATE INDEX audit_entry_nhs_number_idx ON audit_entry (nhs_number, sequence)
    WHERE nhs_number IS NOT NULL AND sequence IS NOT NULL;

DROP INDEX audit_entry_at_idx;
CREATE INDEX audit_entry_at_idx ON audit_entry (at) WHERE sequence IS NOT NULL;
