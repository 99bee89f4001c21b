package org.opencpis.application.upload.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.Upload;
import org.opencpis.domain.upload.UploadAcknowledgement;
import org.opencpis.domain.upload.UploadProgress;

/**
 * Submitted upload files: their processing queue, the sequence numbers each LA has used, their
 * answers, and the transactional outbox of those answers. Every method joins the caller's
 * transaction.
 *
 * <p>Processing: a {@link UploadProgress#RECEIVED} upload is due from the moment it is stored.
 * {@link #claimNext} claims the earliest due one with {@code FOR UPDATE SKIP LOCKED} and a lease,
 * so that concurrent processors never claim the same file; an upload whose lease ran out (its
 * processor died) is due again. Each claim carries a new claim token; the methods that take one
 * act only while that claim still holds, which fences out a processor that lost its claim.
 *
 * <p>Acknowledgement outbox: a {@link #finish finished} upload's acknowledgement is due for
 * delivery at once; {@link #claimDueAcknowledgements} claims due ones the same way.
 */
public interface Uploads {

    /** Stores a new upload, {@link UploadProgress#RECEIVING}: not processed until {@link #markReceived}. */
    void create(Upload upload);

    /** The upload's content is stored completely ({@code size} bytes): it becomes due for processing at {@code dueAt}. */
    void markReceived(UUID uploadId, long size, Instant dueAt);

    /** Removes an upload that is still {@link UploadProgress#RECEIVING}; its content must be deleted first or with it. */
    void discard(UUID uploadId);

    /**
     * Removes the uploads still {@link UploadProgress#RECEIVING} that were created before {@code before}:
     * submissions that broke off without being cleared away (a crash).
     *
     * @return the ids of the uploads removed, whose content the caller deletes
     */
    List<UUID> discardAbandoned(Instant before);

    Optional<StoredUpload> find(UUID uploadId);

    /** Claims the earliest due upload for {@code lease}, counting one more attempt. */
    Optional<ClaimedUpload> claimNext(Instant now, Duration lease);

    /** Extends the claim to {@code until}; @return false, changing nothing, when the claim no longer holds */
    boolean renew(UUID uploadId, UUID claim, Instant until);

    /** Releases the claim; the upload is due again at {@code dueAt}. Does nothing when the claim no longer holds. */
    void postpone(UUID uploadId, UUID claim, Instant dueAt);

    /**
     * Records that {@code uploadId} applies the LA's sequence number, unless another upload already
     * holds it; concurrent calls for one number agree on a single holder.
     *
     * @return the holder: {@code uploadId}, or the upload that held the number before
     */
    UUID holdSequenceNumber(OdsCode localAuthority, SequenceNumber sequenceNumber, UUID uploadId);

    /** Frees the sequence number if {@code uploadId} holds it, so that a later file may apply it. */
    void releaseSequenceNumber(OdsCode localAuthority, SequenceNumber sequenceNumber, UUID uploadId);

    /**
     * Answers the claimed upload with the acknowledgement (whose {@code resultsOf} names the upload
     * whose per-record results it repeats, for a repeated sequence number) and makes the answer due
     * for delivery at {@code at}.
     *
     * @return false, changing nothing, when the claim no longer holds
     */
    boolean finish(UUID claim, UploadAcknowledgement acknowledgement, Instant at);

    /**
     * Claims up to {@code limit} answered uploads whose acknowledgement is due and not delivered, for
     * {@code lease}, oldest first; each claim counts as one more delivery attempt.
     */
    List<DueAcknowledgement> claimDueAcknowledgements(Instant now, Duration lease, int limit);

    void markAcknowledgementDelivered(UUID uploadId, Instant at);

    /** Releases the delivery claim; the acknowledgement is due again at {@code dueAt}. */
    void retryAcknowledgementLater(UUID uploadId, Instant dueAt);

    /** An upload as stored, with its answer once {@link UploadProgress#PROCESSED} (else null). */
    record StoredUpload(Upload upload, UploadProgress progress, UploadAcknowledgement acknowledgement) {
    }

    /** An upload claimed for processing: the claim token and which attempt this is (from 1). */
    record ClaimedUpload(Upload upload, UUID claim, int attempt) {
    }

    /** An acknowledgement claimed for delivery, with how many attempts (this one included) it has had. */
    record DueAcknowledgement(UploadAcknowledgement acknowledgement, int attempt) {
    }
}
