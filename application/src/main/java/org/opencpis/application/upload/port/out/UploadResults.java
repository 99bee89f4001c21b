package org.opencpis.application.upload.port.out;

import java.util.List;
import java.util.UUID;
import org.opencpis.domain.upload.RecordResult;

/**
 * The per-record part of upload acknowledgements: one result per record, kept by index. Every
 * method joins the caller's transaction.
 */
public interface UploadResults {

    /** Stores results; an index the upload already has a result for is a programming error. */
    void save(UUID uploadId, List<RecordResult> results);

    /** How many records the upload has results for, and how many of them loaded (CPR06). */
    Counts counts(UUID uploadId);

    /** Up to {@code limit} results from {@code fromIndex}, in index order. */
    List<RecordResult> list(UUID uploadId, int fromIndex, int limit);

    record Counts(int results, int loaded) {
    }
}
