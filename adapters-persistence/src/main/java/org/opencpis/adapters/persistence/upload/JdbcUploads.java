package org.opencpis.adapters.persistence.upload;

import static org.opencpis.adapters.persistence.shared.Columns.getInstant;
import static org.opencpis.adapters.persistence.shared.Columns.setInstant;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencpis.application.upload.port.out.Uploads;
import org.opencpis.domain.shared.Actor;
import org.opencpis.domain.shared.OdsCode;
import org.opencpis.domain.upload.FileStatus;
import org.opencpis.domain.upload.SequenceNumber;
import org.opencpis.domain.upload.Upload;
import org.opencpis.domain.upload.UploadAcknowledgement;
import org.opencpis.domain.upload.UploadProgress;

/**
 * Uploads in {@code upload}, their sequence numbers in {@code upload_sequence}. Claims lock due rows
 * with {@code FOR UPDATE SKIP LOCKED} and stamp the lease (and a new claim token) in the same
 * statement, so concurrent processors or relays neither wait for nor take each other's rows. Times
 * are kept to the microsecond.
 */
@Singleton
public final class JdbcUploads implements Uploads {
    private static final String COLUMNS = """
            id, la_ods_code, submitted_by_subject, submitted_by_role, submitted_by_role_profile, request_id,
            given_sequence_number, received_at, progress, attempts, sequence_number, results_of, file_status, received,
            loaded, detail, ack_due_at, ack_attempts""";
    private static final String INSERT = """
            INSERT INTO upload (id, la_ods_code, submitted_by_subject, submitted_by_role, submitted_by_role_profile,
                request_id, given_sequence_number, received_at, progress)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVING')""";
    private static final String MARK_RECEIVED = """
            UPDATE upload SET progress = 'RECEIVED', size_bytes = ?, due_at = ?
            WHERE id = ? AND progress = 'RECEIVING'""";
    private static final String DISCARD = "DELETE FROM upload WHERE id = ? AND progress = 'RECEIVING'";
    private static final String DISCARD_ABANDONED = "DELETE FROM upload WHERE progress = 'RECEIVING' AND received_at < ? RETURNING id";
    private static final String FIND = "SELECT " + COLUMNS + " FROM upload WHERE id = ?";
    private static final String CLAIM_NEXT = """
            WITH due AS (
                SELECT id FROM upload
                WHERE progress IN ('RECEIVED', 'PROCESSING') AND due_at <= ?
                  AND (claimed_until IS NULL OR claimed_until <= ?)
                ORDER BY due_at, id
                LIMIT 1
                FOR UPDATE SKIP LOCKED
            )
            UPDATE upload target SET progress = 'PROCESSING', claimed_until = ?, claim_token = ?,
                attempts = target.attempts + 1
            FROM due WHERE target.id = due.id
            RETURNING target.*""";
    private static final String RENEW = """
            UPDATE upload SET claimed_until = ?
            WHERE id = ? AND claim_token = ? AND progress = 'PROCESSING'""";
    private static final String POSTPONE = """
            UPDATE upload SET claimed_until = NULL, claim_token = NULL, due_at = ?
            WHERE id = ? AND claim_token = ? AND progress = 'PROCESSING'""";
    private static final String HOLD_SEQUENCE = """
            INSERT INTO upload_sequence (la_ods_code, sequence_number, upload_id) VALUES (?, ?, ?)
            ON CONFLICT (la_ods_code, sequence_number) DO NOTHING""";
    private static final String SEQUENCE_HOLDER = """
            SELECT upload_id FROM upload_sequence WHERE la_ods_code = ? AND sequence_number = ?""";
    private static final String RELEASE_SEQUENCE = """
            DELETE FROM upload_sequence WHERE la_ods_code = ? AND sequence_number = ? AND upload_id = ?""";
    private static final String FINISH = """
            UPDATE upload SET progress = 'PROCESSED', sequence_number = ?, results_of = ?, file_status = ?, received = ?,
                loaded = ?, detail = ?, processed_at = ?, ack_due_at = ?, due_at = NULL, claimed_until = NULL,
                claim_token = NULL
            WHERE id = ? AND claim_token = ? AND progress = 'PROCESSING'""";
    private static final String CLAIM_ACKNOWLEDGEMENTS = """
            WITH due AS (
                SELECT id FROM upload
                WHERE ack_due_at IS NOT NULL AND ack_delivered_at IS NULL AND ack_due_at <= ?
                  AND (ack_claimed_until IS NULL OR ack_claimed_until <= ?)
                ORDER BY ack_due_at, id
                LIMIT ?
                FOR UPDATE SKIP LOCKED
            )
            UPDATE upload target SET ack_claimed_until = ?, ack_attempts = target.ack_attempts + 1
            FROM due WHERE target.id = due.id
            RETURNING target.*""";
    private static final String ACKNOWLEDGEMENT_DELIVERED = """
            UPDATE upload SET ack_delivered_at = ?, ack_claimed_until = NULL
            WHERE id = ? AND ack_delivered_at IS NULL""";
    private static final String ACKNOWLEDGEMENT_LATER = """
            UPDATE upload SET ack_due_at = ?, ack_claimed_until = NULL
            WHERE id = ? AND ack_delivered_at IS NULL""";

    private final JdbcOperations jdbc;

    public JdbcUploads(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(Upload upload) {
        jdbc.prepareStatement(INSERT, statement -> {
            Actor sender = upload.submittedBy();
            statement.setObject(1, upload.id());
            statement.setString(2, upload.localAuthority().value());
            statement.setString(3, sender.subject());
            statement.setString(4, sender.role());
            statement.setString(5, sender.roleProfileId());
            statement.setString(6, upload.requestId());
            setSequenceNumber(statement, 7, upload.givenSequenceNumber());
            setInstant(statement, 8, micros(upload.receivedAt()));
            return statement.executeUpdate();
        });
    }

    @Override
    public void markReceived(UUID uploadId, long size, Instant dueAt) {
        int updated = jdbc.prepareStatement(MARK_RECEIVED, statement -> {
            statement.setLong(1, size);
            setInstant(statement, 2, micros(dueAt));
            statement.setObject(3, uploadId);
            return statement.executeUpdate();
        });
        if (updated != 1) {
            throw new IllegalStateException("no upload " + uploadId + " being received");
        }
    }

    @Override
    public void discard(UUID uploadId) {
        jdbc.prepareStatement(DISCARD, statement -> {
            statement.setObject(1, uploadId);
            return statement.executeUpdate();
        });
    }

    @Override
    public List<UUID> discardAbandoned(Instant before) {
        return jdbc.prepareStatement(DISCARD_ABANDONED, statement -> {
            setInstant(statement, 1, micros(before));
            List<UUID> removed = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    removed.add(row.getObject(1, UUID.class));
                }
            }
            return removed;
        });
    }

    @Override
    public Optional<StoredUpload> find(UUID uploadId) {
        return jdbc.prepareStatement(FIND, statement -> {
            statement.setObject(1, uploadId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(stored(row)) : Optional.<StoredUpload>empty();
            }
        });
    }

    @Override
    public Optional<ClaimedUpload> claimNext(Instant now, Duration lease) {
        UUID claim = UUID.randomUUID();
        return jdbc.prepareStatement(CLAIM_NEXT, statement -> {
            Instant at = micros(now);
            setInstant(statement, 1, at);
            setInstant(statement, 2, at);
            setInstant(statement, 3, micros(now.plus(lease)));
            statement.setObject(4, claim);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(new ClaimedUpload(upload(row), claim, row.getInt("attempts")))
                        : Optional.<ClaimedUpload>empty();
            }
        });
    }

    @Override
    public boolean renew(UUID uploadId, UUID claim, Instant until) {
        return jdbc.prepareStatement(RENEW, statement -> {
            setInstant(statement, 1, micros(until));
            statement.setObject(2, uploadId);
            statement.setObject(3, claim);
            return statement.executeUpdate();
        }) == 1;
    }

    @Override
    public void postpone(UUID uploadId, UUID claim, Instant dueAt) {
        jdbc.prepareStatement(POSTPONE, statement -> {
            setInstant(statement, 1, micros(dueAt));
            statement.setObject(2, uploadId);
            statement.setObject(3, claim);
            return statement.executeUpdate();
        });
    }

    @Override
    public UUID holdSequenceNumber(OdsCode localAuthority, SequenceNumber sequenceNumber, UUID uploadId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            jdbc.prepareStatement(HOLD_SEQUENCE, statement -> {
                statement.setString(1, localAuthority.value());
                statement.setLong(2, sequenceNumber.value());
                statement.setObject(3, uploadId);
                return statement.executeUpdate();
            });
            Optional<UUID> holder = jdbc.prepareStatement(SEQUENCE_HOLDER, statement -> {
                statement.setString(1, localAuthority.value());
                statement.setLong(2, sequenceNumber.value());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next() ? Optional.of(row.getObject(1, UUID.class)) : Optional.<UUID>empty();
                }
            });
            if (holder.isPresent()) {
                return holder.get();
            }
            // the holder freed the number between the insert and the look-up: try to take it again
        }
        throw new IllegalStateException("sequence number " + sequenceNumber + " of " + localAuthority + " keeps changing hands");
    }

    @Override
    public void releaseSequenceNumber(OdsCode localAuthority, SequenceNumber sequenceNumber, UUID uploadId) {
        jdbc.prepareStatement(RELEASE_SEQUENCE, statement -> {
            statement.setString(1, localAuthority.value());
            statement.setLong(2, sequenceNumber.value());
            statement.setObject(3, uploadId);
            return statement.executeUpdate();
        });
    }

    @Override
    public boolean finish(UUID claim, UploadAcknowledgement acknowledgement, Instant at) {
        return jdbc.prepareStatement(FINISH, statement -> {
            Instant when = micros(at);
            setSequenceNumber(statement, 1, acknowledgement.sequenceNumber());
            statement.setObject(2, acknowledgement.resultsOf());
            statement.setString(3, acknowledgement.fileStatus().name());
            statement.setInt(4, acknowledgement.received());
            statement.setInt(5, acknowledgement.loaded());
            statement.setString(6, acknowledgement.detail());
            setInstant(statement, 7, when);
            setInstant(statement, 8, when);
            statement.setObject(9, acknowledgement.uploadId());
            statement.setObject(10, claim);
            return statement.executeUpdate();
        }) == 1;
    }

    @Override
    public List<DueAcknowledgement> claimDueAcknowledgements(Instant now, Duration lease, int limit) {
        List<Claimed> claimed = jdbc.prepareStatement(CLAIM_ACKNOWLEDGEMENTS, statement -> {
            Instant at = micros(now);
            setInstant(statement, 1, at);
            setInstant(statement, 2, at);
            statement.setInt(3, limit);
            setInstant(statement, 4, micros(now.plus(lease)));
            List<Claimed> rows = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    rows.add(new Claimed(getInstant(row, "ack_due_at"),
                            new DueAcknowledgement(stored(row).acknowledgement(), row.getInt("ack_attempts"))));
                }
            }
            return rows;
        });
        return claimed.stream()
                .sorted(Comparator.comparing(Claimed::dueAt).thenComparing(c -> c.due().acknowledgement().uploadId()))
                .map(Claimed::due).toList();
    }

    private record Claimed(Instant dueAt, DueAcknowledgement due) {
    }

    @Override
    public void markAcknowledgementDelivered(UUID uploadId, Instant at) {
        update(ACKNOWLEDGEMENT_DELIVERED, uploadId, at);
    }

    @Override
    public void retryAcknowledgementLater(UUID uploadId, Instant dueAt) {
        update(ACKNOWLEDGEMENT_LATER, uploadId, dueAt);
    }

    private void update(String sql, UUID uploadId, Instant at) {
        jdbc.prepareStatement(sql, statement -> {
            setInstant(statement, 1, micros(at));
            statement.setObject(2, uploadId);
            return statement.executeUpdate();
        });
    }

    private static StoredUpload stored(ResultSet row) throws SQLException {
        Upload upload = upload(row);
        UploadProgress progress = UploadProgress.valueOf(row.getString("progress"));
        UploadAcknowledgement acknowledgement = null;
        if (progress == UploadProgress.PROCESSED) {
            SequenceNumber sequenceNumber = sequenceNumber(row, "sequence_number");
            acknowledgement = new UploadAcknowledgement(upload.id(), row.getObject("results_of", UUID.class),
                    upload.localAuthority(), sequenceNumber,
                    FileStatus.valueOf(row.getString("file_status")), row.getInt("received"), row.getInt("loaded"),
                    row.getString("detail"));
        }
        return new StoredUpload(upload, progress, acknowledgement);
    }

    private static Upload upload(ResultSet row) throws SQLException {
        Actor sender = new Actor(row.getString("submitted_by_subject"), new OdsCode(row.getString("la_ods_code")),
                row.getString("submitted_by_role"), row.getString("submitted_by_role_profile"));
        return new Upload(row.getObject("id", UUID.class), sender, row.getString("request_id"),
                sequenceNumber(row, "given_sequence_number"), getInstant(row, "received_at"));
    }

    private static SequenceNumber sequenceNumber(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : new SequenceNumber(value);
    }

    private static void setSequenceNumber(PreparedStatement statement, int index, SequenceNumber value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value.value());
        }
    }

    private static Instant micros(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
