-- Where a record places its child (V6) is written only by the cohort adapter, in the transaction
-- that has just stored the record, for that record's id. The foreign key to protection_record
-- checked every placement inserted (up to four a record; the check was a third of writing them,
-- measured by bench/run-upload.sh), which that writer makes pointless. What the key did that still
-- matters is kept: a record's placements go with it when it is deleted (purged), now by this trigger.
ALTER TABLE record_placement DROP CONSTRAINT record_placement_record_id_fkey;

CREATE FUNCTION record_placement_goes_with_its_record() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM record_placement WHERE record_id = OLD.id;
    RETURN OLD;
END
$$;

CREATE TRIGGER protection_record_placements_deleted
    AFTER DELETE ON protection_record
    FOR EACH ROW EXECUTE FUNCTION record_placement_goes_with_its_record();
