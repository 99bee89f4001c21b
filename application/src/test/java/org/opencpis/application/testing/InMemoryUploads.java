package org.opencpis.application.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencpis.application.upload.port.out.Uploads;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.Upload;
import org.opencpis.domain.upload.UploadAcknowledgement;
import org.opencpis.domain.upload.UploadProgress;

/** Uploads in memory, with the same claims, fencing and sequence-number rules as the JDBC store. */
public final class InMemoryUploads implements Uploads {
    private final Map<UUID, Row> rows = new LinkedHashMap<>();
    private final Map<String, UUID> sequenceHolders = new HashMap<>();

    private static final class Row {
        final Upload upload;
        UploadProgress progress = UploadProgress.RECEIVING;
        Instant dueAt;
        Instant claimedUntil;
        UUID claim;
        int attempts;
        UploadAcknowledgement acknowledgement;
        Instant ackDueAt;
        Instant ackClaimedUntil;
        int ackAttempts;
        Instant ackDeliveredAt;

        Row(Upload upload) {
            this.upload = upload;
        }
    }

    @Override
    public synchronized void create(Upload upload) {
        if (rows.containsKey(upload.id())) {
            throw new IllegalStateException("duplicate upload " + upload.id());
        }
        rows.put(upload.id(), new Row(upload));
    }

    @Override
    public synchronized void markReceived(UUID uploadId, long size, Instant dueAt) {
        Row row = rows.get(uploadId);
        if (row == null || row.progress != UploadProgress.RECEIVING) {
            throw new IllegalStateException("no upload " + uploadId + " being received");
        }
        row.progress = UploadProgress.RECEIVED;
        row.dueAt = dueAt;
    }

    @Override
    public synchronized void discard(UUID uploadId) {
        Row row = rows.get(uploadId);
        if (row != null && row.progress == UploadProgress.RECEIVING) {
            rows.remove(uploadId);
        }
    }

    @Override
    public synchronized List<UUID> discardAbandoned(Instant before) {
        List<UUID> removed = rows.values().stream()
                .filter(row -> row.progress == UploadProgress.RECEIVING && row.upload.receivedAt().isBefore(before))
                .map(row -> row.upload.id()).toList();
        removed.forEach(rows::remove);
        return removed;
    }

    @Override
    public synchronized Optional<StoredUpload> find(UUID uploadId) {
        return Optional.ofNullable(rows.get(uploadId)).map(row -> new StoredUpload(row.upload, row.progress, row.acknowledgement));
    }

    @Override
    public synchronized Optional<ClaimedUpload> claimNext(Instant now, Duration lease) {
        Optional<Row> due = rows.values().stream()
                .filter(row -> row.progress == UploadProgress.RECEIVED || row.progress == UploadProgress.PROCESSING)
                .filter(row -> row.dueAt != null && !row.dueAt.isAfter(now))
                .filter(row -> row.claimedUntil == null || !row.claimedUntil.isAfter(now))
                .min(Comparator.comparing((Row row) -> row.dueAt).thenComparing(row -> row.upload.id()));
        return due.map(row -> {
            row.progress = UploadProgress.PROCESSING;
            row.claimedUntil = now.plus(lease);
            row.claim = UUID.randomUUID();
            row.attempts++;
            return new ClaimedUpload(row.upload, row.claim, row.attempts);
        });
    }

    @Override
    public synchronized boolean renew(UUID uploadId, UUID claim, Instant until) {
        Row row = claimed(uploadId, claim);
        if (row == null) {
            return false;
        }
        row.claimedUntil = until;
        return true;
    }

    @Override
    public synchronized void postpone(UUID uploadId, UUID claim, Instant dueAt) {
        Row row = claimed(uploadId, claim);
        if (row != null) {
            row.claimedUntil = null;
            row.claim = null;
            row.dueAt = dueAt;
        }
    }

    @Override
    public synchronized UUID holdSequenceNumber(OdsCode localAuthority, SequenceNumber sequenceNumber, UUID uploadId) {
        return sequenceHolders.computeIfAbsent(key(localAuthority, sequenceNumber), key -> uploadId);
    }

    @Override
    public synchronized void releaseSequenceNumber(OdsCode localAuthority, SequenceNumber sequenceNumber, UUID uploadId) {
        sequenceHolders.remove(key(localAuthority, sequenceNumber), uploadId);
    }

    @Override
    public synchronized boolean finish(UUID claim, UploadAcknowledgement acknowledgement, Instant at) {
        Row row = claimed(acknowledgement.uploadId(), claim);
        if (row == null) {
            return false;
        }
        row.progress = UploadProgress.PROCESSED;
        row.acknowledgement = acknowledgement;
        row.dueAt = null;
        row.claimedUntil = null;
        row.claim = null;
        row.ackDueAt = at;
        return true;
    }

    @Override
    public synchronized List<DueAcknowledgement> claimDueAcknowledgements(Instant now, Duration lease, int limit) {
        List<DueAcknowledgement> claimed = new ArrayList<>();
        rows.values().stream()
                .filter(row -> row.ackDueAt != null && row.ackDeliveredAt == null && !row.ackDueAt.isAfter(now))
                .filter(row -> row.ackClaimedUntil == null || !row.ackClaimedUntil.isAfter(now))
                .sorted(Comparator.comparing((Row row) -> row.ackDueAt).thenComparing(row -> row.upload.id()))
                .limit(limit)
                .forEach(row -> {
                    row.ackClaimedUntil = now.plus(lease);
                    row.ackAttempts++;
                    claimed.add(new DueAcknowledgement(row.acknowledgement, row.ackAttempts));
                });
        return claimed;
    }

    @Override
    public synchronized void markAcknowledgementDelivered(UUID uploadId, Instant at) {
        Row row = rows.get(uploadId);
        if (row != null && row.ackDeliveredAt == null) {
            row.ackDeliveredAt = at;
            row.ackClaimedUntil = null;
        }
    }

    @Override
    public synchronized void retryAcknowledgementLater(UUID uploadId, Instant dueAt) {
        Row row = rows.get(uploadId);
        if (row != null && row.ackDeliveredAt == null) {
            row.ackDueAt = dueAt;
            row.ackClaimedUntil = null;
        }
    }

    /** Which upload holds the LA's sequence number, if any (for tests). */
    public synchronized Optional<UUID> sequenceHolder(OdsCode localAuthority, SequenceNumber sequenceNumber) {
        return Optional.ofNullable(sequenceHolders.get(key(localAuthority, sequenceNumber)));
    }

    private Row claimed(UUID uploadId, UUID claim) {
        Row row = rows.get(uploadId);
        return row != null && row.progress == UploadProgress.PROCESSING && claim.equals(row.claim) ? row : null;
    }

    private static String key(OdsCode localAuthority, SequenceNumber sequenceNumber) {
        return localAuthority.value() + "/" + sequenceNumber.value();
    }
}
