package org.opencpis.adapters.persistence.upload;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import org.opencpis.application.upload.port.out.UploadContents;

/** Upload content in {@code upload_content}, one {@code bytea} row per chunk; deleted with its upload. */
@Singleton
public final class JdbcUploadContents implements UploadContents {
    private static final String INSERT = "INSERT INTO upload_content (upload_id, chunk, bytes) VALUES (?, ?, ?)";
    private static final String SELECT = "SELECT bytes FROM upload_content WHERE upload_id = ? AND chunk = ?";
    private static final String DELETE = "DELETE FROM upload_content WHERE upload_id = ?";

    private final JdbcOperations jdbc;

    public JdbcUploadContents(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void append(UUID uploadId, int chunk, byte[] bytes, int length) {
        if (length < 0 || length > MAX_CHUNK || length > bytes.length) {
            throw new IllegalArgumentException("chunk of " + length + " bytes");
        }
        jdbc.prepareStatement(INSERT, statement -> {
            statement.setObject(1, uploadId);
            statement.setInt(2, chunk);
            statement.setBinaryStream(3, new ByteArrayInputStream(bytes, 0, length), length);
            return statement.executeUpdate();
        });
    }

    @Override
    public Optional<byte[]> chunk(UUID uploadId, int chunk) {
        return jdbc.prepareStatement(SELECT, statement -> {
            statement.setObject(1, uploadId);
            statement.setInt(2, chunk);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.<byte[]>empty();
            }
        });
    }

    @Override
    public void delete(UUID uploadId) {
        jdbc.prepareStatement(DELETE, statement -> {
            statement.setObject(1, uploadId);
            return statement.executeUpdate();
        });
    }
}
