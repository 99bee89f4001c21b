package org.opencpis.adapters.spine.mesh.stub;

import io.micronaut.http.exceptions.ContentLengthExceededException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body copied to a temporary file as it arrives, so that neither memory (a 64 KiB
 * buffer) nor a database transaction is held while the client is still sending. The copy stops,
 * and the request fails with 413 (closing the connection, as the rest of the body is not read),
 * as soon as the body passes the limit or the server's own maximum request size. Closing deletes
 * the file.
 */
final class SpooledChunk implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final Path file;
    private final long size;

    private SpooledChunk(Path file, long size) {
        this.file = file;
        this.size = size;
    }

    static SpooledChunk spool(InputStream body, long limit, String messageId) {
        Path file;
        try {
            file = Files.createTempFile("opencpis-mesh-stub-", ".chunk");
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a temporary file for a MESH chunk", e);
        }
        long size = 0;
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[BUFFER];
            int read;
            while ((read = in.read(buffer)) != -1) {
                size += read;
                if (size > limit) {
                    throw tooLarge(messageId, limit);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException e) {
            delete(file);
            throw isContentLengthExceeded(e) ? tooLarge(messageId, limit)
                    : MeshStubFailure.invalid("body", "body", "the request body could not be read", "value_error.body")
                            .closingConnection();
        } catch (RuntimeException e) {
            delete(file);
            throw isContentLengthExceeded(e) ? tooLarge(messageId, limit) : e;
        }
        return new SpooledChunk(file, size);
    }

    private static MeshStubFailure tooLarge(String messageId, long limit) {
        return MeshStubFailure.tooLarge(messageId, "A chunk may be at most " + limit + " bytes").closingConnection();
    }

    /** Whether the server itself stopped the body at its {@code max-request-size}. */
    private static boolean isContentLengthExceeded(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ContentLengthExceededException) {
                return true;
            }
        }
        return false;
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    /** Whether the bytes start as a gzip stream does. */
    boolean looksLikeGzip() {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == GZIP_MAGIC_1 && in.read() == GZIP_MAGIC_2;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        delete(file);
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            file.toFile().deleteOnExit();
        }
    }
}
