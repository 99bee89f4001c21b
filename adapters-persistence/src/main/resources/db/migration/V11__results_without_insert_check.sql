-- An upload's per-record results (V3) are written only by the upload processor, in the batch
-- transaction that renews its claim on that very upload. The foreign key to upload checked every
-- result inserted (a batch's 250 rows), which that writer makes pointless; as for placements (V10),
-- what it did that still matters is kept: an upload's results go with it if it is deleted.
ALTER TABLE upload_record_result DROP CONSTRAINT upload_record_result_upload_id_fkey;

CREATE FUNCTION upload_record_result_goes_with_its_upload() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM upload_record_result WHERE upload_id = OLD.id;
    RETURN OLD;
END
$$;

CREATE TRIGGER upload_results_deleted
    AFTER DELETE ON upload
    FOR EACH ROW EXECUTE FUNCTION upload_record_result_goes_with_its_upload();
