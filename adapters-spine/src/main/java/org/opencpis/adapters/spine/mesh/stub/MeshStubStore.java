package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The stub's tables ({@code V100__mesh_stub.sql}) through {@link JdbcOperations}. Every method
 * runs inside the caller's transaction ({@code Transactions.inTransaction}); none commits by itself.
 */
@Singleton
@RequiresMeshStub
final class MeshStubStore {
    private static final String MESSAGE_COLUMNS = """
            message_id, message_type, sender, recipient, inbox, workflow_id, local_id, subject, file_name, content_type,
            content_encoding, content_checksum, content_encrypted, content_compressed, total_chunks, total_bytes, status,
            status_code, status_event, status_description, linked_message_id, uploaded_at, delivered_at,
            acknowledged_at, expired_at, status_at""";
    private static final String SELECT_MESSAGE = "SELECT " + MESSAGE_COLUMNS + " FROM mesh_stub_message";

    private final JdbcOperations jdbc;

    MeshStubStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    // --- mailboxes

    /** Creates the mailbox or, when {@code password} is not null, sets its password. */
    void provisionMailbox(String mailboxId, String password, Instant now) {
        String sql = password == null
                ? "INSERT INTO mesh_stub_mailbox (mailbox_id, password, created_at, updated_at) VALUES (?, NULL, ?, ?) "
                        + "ON CONFLICT (mailbox_id) DO NOTHING"
                : "INSERT INTO mesh_stub_mailbox (mailbox_id, password, created_at, updated_at) VALUES (?, ?, ?, ?) "
                        + "ON CONFLICT (mailbox_id) DO UPDATE SET password = EXCLUDED.password, updated_at = EXCLUDED.updated_at";
        jdbc.prepareStatement(sql, statement -> {
            int index = 1;
            statement.setString(index++, mailboxId);
            if (password != null) {
                statement.setString(index++, password);
            }
            setInstant(statement, index++, now);
            setInstant(statement, index, now);
            return statement.executeUpdate();
        });
    }

    /** The mailbox's password; empty when there is no such mailbox, or it has no password yet. */
    Optional<String> password(String mailboxId) {
        return jdbc.prepareStatement("SELECT password FROM mesh_stub_mailbox WHERE mailbox_id = ?", statement -> {
            statement.setString(1, mailboxId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.<String>empty();
            }
        });
    }

    boolean mailboxExists(String mailboxId) {
        return jdbc.prepareStatement("SELECT 1 FROM mesh_stub_mailbox WHERE mailbox_id = ?", statement -> {
            statement.setString(1, mailboxId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        });
    }

    // --- single-use tokens

    /** Records the token as used; false when the triple was used before. */
    boolean useNonce(String mailboxId, String nonce, long nonceCount, Instant issuedAt) {
        return jdbc.prepareStatement("""
                INSERT INTO mesh_stub_nonce (mailbox_id, nonce, nonce_count, issued_at) VALUES (?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", statement -> {
            statement.setString(1, mailboxId);
            statement.setString(2, nonce);
            statement.setLong(3, nonceCount);
            setInstant(statement, 4, issuedAt);
            return statement.executeUpdate() == 1;
        });
    }

    int purgeNonces(Instant issuedBefore) {
        return jdbc.prepareStatement("DELETE FROM mesh_stub_nonce WHERE issued_at < ?", statement -> {
            setInstant(statement, 1, issuedBefore);
            return statement.executeUpdate();
        });
    }

    // --- messages

    /** Inserts the message; an {@code ACCEPTED} one is delivered at once (it takes the next inbox position). */
    void insert(StubMessage message) {
        boolean delivered = message.status() == StubMessage.Status.ACCEPTED;
        String sql = "INSERT INTO mesh_stub_message (" + MESSAGE_COLUMNS + ", delivery_seq) VALUES ("
                + "?, ".repeat(26) + (delivered ? "nextval('mesh_stub_delivery_seq'))" : "NULL)");
        jdbc.prepareStatement(sql, statement -> {
            bind(statement, message);
            return statement.executeUpdate();
        });
    }

    Optional<StubMessage> find(String messageId) {
        return one(SELECT_MESSAGE + " WHERE message_id = ?", messageId);
    }

    /** The message, locked until the transaction ends. */
    Optional<StubMessage> lock(String messageId) {
        return one(SELECT_MESSAGE + " WHERE message_id = ? FOR UPDATE", messageId);
    }

    /** Delivers an uploaded message to its recipient's inbox. */
    void deliver(String messageId, long totalBytes, Instant now) {
        jdbc.prepareStatement("""
                UPDATE mesh_stub_message SET status = 'accepted', total_bytes = ?, delivered_at = ?, status_at = ?,
                delivery_seq = nextval('mesh_stub_delivery_seq') WHERE message_id = ? AND status = 'uploading'""",
                statement -> {
                    statement.setLong(1, totalBytes);
                    setInstant(statement, 2, now);
                    setInstant(statement, 3, now);
                    statement.setString(4, messageId);
                    return statement.executeUpdate();
                });
    }

    void acknowledge(String messageId, Instant now) {
        jdbc.prepareStatement("""
                UPDATE mesh_stub_message SET status = 'acknowledged', acknowledged_at = ?, status_at = ?
                WHERE message_id = ?""", statement -> {
            setInstant(statement, 1, now);
            setInstant(statement, 2, now);
            statement.setString(3, messageId);
            return statement.executeUpdate();
        });
        deleteChunks(messageId);
    }

    /** Takes a message out of every inbox for good, recording why, and deletes its bytes. */
    void expire(String messageId, String code, String event, String description, Instant now) {
        jdbc.prepareStatement("""
                UPDATE mesh_stub_message SET status = 'expired', expired_at = ?, status_at = ?, status_code = ?,
                status_event = ?, status_description = ? WHERE message_id = ?""", statement -> {
            setInstant(statement, 1, now);
            setInstant(statement, 2, now);
            statement.setString(3, code);
            statement.setString(4, event);
            statement.setString(5, description);
            statement.setString(6, messageId);
            return statement.executeUpdate();
        });
        deleteChunks(messageId);
    }

    /** Delivered messages not acknowledged since before {@code deliveredBefore}, locked, skipping those another sweep holds. */
    List<StubMessage> lockUnacknowledged(Instant deliveredBefore, int limit) {
        return many(SELECT_MESSAGE + " WHERE status = 'accepted' AND delivered_at < ? ORDER BY delivered_at LIMIT ? "
                + "FOR UPDATE SKIP LOCKED", deliveredBefore, limit);
    }

    /** Chunked uploads begun before {@code uploadedBefore} and never finished, locked likewise. */
    List<StubMessage> lockUnfinishedUploads(Instant uploadedBefore, int limit) {
        return many(SELECT_MESSAGE + " WHERE status = 'uploading' AND uploaded_at < ? ORDER BY uploaded_at LIMIT ? "
                + "FOR UPDATE SKIP LOCKED", uploadedBefore, limit);
    }

    /** Deletes messages uploaded before {@code uploadedBefore}, chunks and all. */
    int purge(Instant uploadedBefore) {
        return jdbc.prepareStatement("DELETE FROM mesh_stub_message WHERE uploaded_at < ?", statement -> {
            setInstant(statement, 1, uploadedBefore);
            return statement.executeUpdate();
        });
    }

    /** The DATA messages a mailbox sent with this local id, oldest first. */
    List<StubMessage> sentWithLocalId(String sender, String localId) {
        return many(SELECT_MESSAGE + " WHERE sender = ? AND local_id = ? ORDER BY uploaded_at, message_id LIMIT 2",
                sender, localId);
    }

    // --- inbox

    /** Up to {@code limit} message ids of the inbox after position {@code after}, in delivery order, with their positions. */
    List<InboxEntry> inbox(String mailboxId, long after, WorkflowFilter filter, int limit) {
        StringBuilder sql = new StringBuilder(
                "SELECT message_id, delivery_seq FROM mesh_stub_message WHERE inbox = ? AND status = 'accepted' AND delivery_seq > ?");
        List<Object> parameters = new ArrayList<>(List.of(mailboxId, after));
        if (filter != null) {
            sql.append(" AND ").append(filter.sql());
            parameters.add(filter.parameter());
        }
        sql.append(" ORDER BY delivery_seq LIMIT ?");
        parameters.add(limit);
        return jdbc.prepareStatement(sql.toString(), statement -> {
            bindAll(statement, parameters);
            List<InboxEntry> entries = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    entries.add(new InboxEntry(row.getString(1), row.getLong(2)));
                }
            }
            return entries;
        });
    }

    long inboxCount(String mailboxId) {
        return jdbc.prepareStatement("SELECT count(*) FROM mesh_stub_message WHERE inbox = ? AND status = 'accepted'",
                statement -> {
                    statement.setString(1, mailboxId);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                });
    }

    /** The inbox position of a message in this mailbox's inbox (for v1 paging by message id). */
    OptionalLong inboxPosition(String mailboxId, String messageId) {
        return jdbc.prepareStatement("SELECT delivery_seq FROM mesh_stub_message WHERE inbox = ? AND message_id = ? "
                + "AND delivery_seq IS NOT NULL", statement -> {
            statement.setString(1, mailboxId);
            statement.setString(2, messageId);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        });
    }

    // --- chunks

    /**
     * Stores a chunk's bytes from {@code file} ({@code size} bytes), in parts of at most
     * {@link MeshStubSettings#PART_SIZE}; a chunk stored before under the same number is replaced.
     */
    void putChunk(String messageId, int chunkNumber, Path file, long size) {
        jdbc.prepareStatement("DELETE FROM mesh_stub_chunk WHERE message_id = ? AND chunk_number = ?", statement -> {
            statement.setString(1, messageId);
            statement.setInt(2, chunkNumber);
            return statement.executeUpdate();
        });
        int parts = (int) ((size + MeshStubSettings.PART_SIZE - 1) / MeshStubSettings.PART_SIZE);
        jdbc.prepareStatement("INSERT INTO mesh_stub_chunk (message_id, chunk_number, size, part_count) VALUES (?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, messageId);
                    statement.setInt(2, chunkNumber);
                    statement.setLong(3, size);
                    statement.setInt(4, parts);
                    return statement.executeUpdate();
                });
        if (parts == 0) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO mesh_stub_chunk_part (message_id, chunk_number, part_number, data) VALUES (?, ?, ?, ?)",
                statement -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        long left = size;
                        for (int part = 1; part <= parts; part++) {
                            int length = (int) Math.min(left, MeshStubSettings.PART_SIZE);
                            statement.setString(1, messageId);
                            statement.setInt(2, chunkNumber);
                            statement.setInt(3, part);
                            statement.setBinaryStream(4, new BoundedInputStream(in, length), length);
                            statement.executeUpdate();
                            left -= length;
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    return null;
                });
    }

    /** How many of the message's chunks have arrived, and their bytes together. */
    ChunkTotals chunkTotals(String messageId) {
        return jdbc.prepareStatement("SELECT count(*), coalesce(sum(size), 0) FROM mesh_stub_chunk WHERE message_id = ?",
                statement -> {
                    statement.setString(1, messageId);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return new ChunkTotals(row.getInt(1), row.getLong(2));
                    }
                });
    }

    /** Bytes of the message stored so far, not counting chunk {@code except} (which is about to be replaced). */
    long storedBytesExcept(String messageId, int except) {
        return jdbc.prepareStatement("SELECT coalesce(sum(size), 0) FROM mesh_stub_chunk WHERE message_id = ? AND chunk_number <> ?",
                statement -> {
                    statement.setString(1, messageId);
                    statement.setInt(2, except);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        return row.getLong(1);
                    }
                });
    }

    Optional<StoredChunk> chunk(String messageId, int chunkNumber) {
        return jdbc.prepareStatement("SELECT size, part_count FROM mesh_stub_chunk WHERE message_id = ? AND chunk_number = ?",
                statement -> {
                    statement.setString(1, messageId);
                    statement.setInt(2, chunkNumber);
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? Optional.of(new StoredChunk(messageId, chunkNumber, row.getLong(1), row.getInt(2)))
                                : Optional.<StoredChunk>empty();
                    }
                });
    }

    /** One stored part of a chunk; empty when it is gone (the message was acknowledged or expired meanwhile). */
    Optional<byte[]> part(String messageId, int chunkNumber, int partNumber) {
        return jdbc.prepareStatement("SELECT data FROM mesh_stub_chunk_part WHERE message_id = ? AND chunk_number = ? AND part_number = ?",
                statement -> {
                    statement.setString(1, messageId);
                    statement.setInt(2, chunkNumber);
                    statement.setInt(3, partNumber);
                    try (ResultSet row = statement.executeQuery()) {
                        return row.next() ? Optional.of(row.getBytes(1)) : Optional.<byte[]>empty();
                    }
                });
    }

    private void deleteChunks(String messageId) {
        jdbc.prepareStatement("DELETE FROM mesh_stub_chunk WHERE message_id = ?", statement -> {
            statement.setString(1, messageId);
            return statement.executeUpdate();
        });
    }

    // --- helpers

    private Optional<StubMessage> one(String sql, Object... parameters) {
        List<StubMessage> found = many(sql, parameters);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<StubMessage> many(String sql, Object... parameters) {
        return jdbc.prepareStatement(sql, statement -> {
            bindAll(statement, List.of(parameters));
            List<StubMessage> found = new ArrayList<>();
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    found.add(read(row));
                }
            }
            return found;
        });
    }

    private static void bindAll(PreparedStatement statement, List<Object> parameters) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            if (parameter instanceof Instant instant) {
                setInstant(statement, index++, instant);
            } else if (parameter instanceof Long number) {
                statement.setLong(index++, number);
            } else if (parameter instanceof Integer number) {
                statement.setInt(index++, number);
            } else {
                statement.setString(index++, (String) parameter);
            }
        }
    }

    private static void bind(PreparedStatement statement, StubMessage message) throws SQLException {
        statement.setString(1, message.messageId());
        statement.setString(2, message.type().name());
        statement.setString(3, message.sender());
        statement.setString(4, message.recipient());
        statement.setString(5, message.inbox());
        statement.setString(6, message.workflowId());
        statement.setString(7, message.localId());
        statement.setString(8, message.subject());
        statement.setString(9, message.fileName());
        statement.setString(10, message.contentType());
        statement.setString(11, message.contentEncoding());
        statement.setString(12, message.contentChecksum());
        statement.setBoolean(13, message.contentEncrypted());
        statement.setBoolean(14, message.contentCompressed());
        statement.setInt(15, message.totalChunks());
        statement.setLong(16, message.totalBytes());
        statement.setString(17, message.status().column());
        statement.setString(18, message.statusCode());
        statement.setString(19, message.statusEvent());
        statement.setString(20, message.statusDescription());
        statement.setString(21, message.linkedMessageId());
        setInstant(statement, 22, message.uploadedAt());
        setInstant(statement, 23, message.deliveredAt());
        setInstant(statement, 24, message.acknowledgedAt());
        setInstant(statement, 25, message.expiredAt());
        setInstant(statement, 26, message.statusAt());
    }

    private static StubMessage read(ResultSet row) throws SQLException {
        return new StubMessage(row.getString("message_id"), StubMessage.MessageType.valueOf(row.getString("message_type")),
                row.getString("sender"), row.getString("recipient"), row.getString("inbox"), row.getString("workflow_id"),
                row.getString("local_id"), row.getString("subject"), row.getString("file_name"),
                row.getString("content_type"), row.getString("content_encoding"), row.getString("content_checksum"),
                row.getBoolean("content_encrypted"), row.getBoolean("content_compressed"), row.getInt("total_chunks"),
                row.getLong("total_bytes"), StubMessage.Status.ofColumn(row.getString("status")),
                row.getString("status_code"), row.getString("status_event"), row.getString("status_description"),
                row.getString("linked_message_id"), getInstant(row, "uploaded_at"), getInstant(row, "delivered_at"),
                getInstant(row, "acknowledged_at"), getInstant(row, "expired_at"), getInstant(row, "status_at"));
    }

    private static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(value, ZoneOffset.UTC));
        }
    }

    private static Instant getInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    record InboxEntry(String messageId, long position) {
    }

    record ChunkTotals(int count, long bytes) {
    }

    record StoredChunk(String messageId, int chunkNumber, long size, int partCount) {
    }

    /** Reads at most {@code limit} bytes of the underlying stream and never closes it. */
    private static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            this.in = in;
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int value = in.read();
            if (value >= 0) {
                left--;
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read > 0) {
                left -= read;
            }
            return read;
        }
    }
}
