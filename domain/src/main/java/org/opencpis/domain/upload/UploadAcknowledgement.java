package org.opencpis.domain.upload;

import java.util.Objects;
import java.util.UUID;
import org.opencpis.domain.shared.OdsCode;

/**
 * The file-level part of the answer to one upload (CONTRACT §7): the file's sequence number (null
 * when a corrupt file did not give one), its CPF code, how many records it held and how many
 * loaded, and for a corrupt file what was wrong. The per-record part is its {@link RecordResult}s,
 * read from {@code resultsOf} in index order.
 *
 * <p>{@code uploadId} is the submission being answered; for a repeated sequence number it is the
 * repeat, while every other field, {@code resultsOf} included, is the earlier file's.
 */
public record UploadAcknowledgement(
        UUID uploadId,
        UUID resultsOf,
        OdsCode localAuthority,
        SequenceNumber sequenceNumber,
        FileStatus fileStatus,
        int received,
        int loaded,
        String detail) {

    public UploadAcknowledgement {
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(resultsOf, "resultsOf");
        Objects.requireNonNull(localAuthority, "localAuthority");
        Objects.requireNonNull(fileStatus, "fileStatus");
        if (received < 0 || loaded < 0 || loaded > received) {
            throw new IllegalArgumentException("loaded " + loaded + " of " + received);
        }
    }

    /** Whether this answers a repeat of an earlier file's sequence number. */
    public boolean isRepeat() {
        return !uploadId.equals(resultsOf);
    }
}
